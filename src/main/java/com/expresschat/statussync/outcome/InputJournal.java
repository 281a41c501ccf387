package com.expresschat.statussync.outcome;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.storage.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The journal of one claimed input (§5): append-only NDJSON, one {@link BatchOutcome} per line, in the order the
 * outcomes are recorded, beside the claimed file (storage.Claims names it). Written through a buffer that is flushed
 * and forced to disk (fsync) every {@code flushEvery} outcomes and when the input completes, so that after a kill -9
 * or a power loss only the unflushed tail is missing. A retried or restarted input {@link #replay replays} it first: the batches it
 * holds count as done (the batching of the same bytes is deterministic: a batch is the input and its number) and are
 * not sent again. A line the crash cut short is dropped, and the file truncated to its last complete line before
 * anything is appended. Outcomes are recorded one at a time (the split's aggregation): nothing here is synchronized.
 */
public final class InputJournal implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(InputJournal.class);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path file;
    private final ObjectMapper json;
    private final int flushEvery;
    private final BitSet recorded = new BitSet();
    private FileChannel channel;
    private OutputStream out;
    private int unflushed;

    /** A journal in {@code file} (which may not exist yet), flushed every {@code flushEvery} outcomes. */
    public InputJournal(Path file, ObjectMapper json, int flushEvery) {
        if (flushEvery < 1) {
            throw new IllegalArgumentException("statussync.journal.flush-every-batches must be at least 1, was "
                                               + flushEvery);
        }
        this.file = file;
        this.json = json;
        this.flushEvery = flushEvery;
    }

    /** No journal: an input held in memory (a synchronous REST request) has nothing to resume. */
    public static InputJournal none() {
        return new InputJournal(null, null, 1);
    }

    /**
     * Hands every outcome an earlier run journaled to {@code restore}, in journal order, and remembers their batch
     * numbers; returns how many there were. Called once, before anything is appended.
     */
    public int replay(Consumer<BatchOutcome> restore) throws IOException {
        if (file == null || !Files.exists(file)) {
            return 0;
        }
        int count = 0;
        long complete = 0;
        long offset = 0;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES)) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                offset++;
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                BatchOutcome outcome = parse(line.toByteArray());
                line.reset();
                if (outcome == null) {
                    break;
                }
                complete = offset;
                if (!recorded.get(outcome.batch().number())) {
                    recorded.set(outcome.batch().number());
                    restore.accept(outcome);
                    count++;
                }
            }
        }
        if (complete < Files.size(file)) {
            LOG.info("Journal {}: dropping {} bytes after its last complete line (cut by a crash)", file,
                    Files.size(file) - complete);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(complete);
            }
        }
        return count;
    }

    /** Whether batch {@code number} was journaled by an earlier run (and is not to be sent again). */
    public boolean recorded(int number) {
        return recorded.get(number);
    }

    /**
     * Appends a batch's outcome; flushes every {@code flushEvery} outcomes, and returns whether it did. A write that
     * fails names the journal's file (a storage fault of the claim folder).
     */
    public boolean append(BatchOutcome outcome) throws IOException {
        if (file == null) {
            return false;
        }
        try {
            if (out == null) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
                out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
            }
            out.write(json.writeValueAsBytes(outcome));
            out.write('\n');
        } catch (IOException e) {
            throw AtomicFiles.naming(file, e);
        }
        recorded.set(outcome.batch().number());
        if (++unflushed >= flushEvery) {
            flush();
            return true;
        }
        return false;
    }

    /**
     * Hands what is buffered to the operating system and forces it to disk: it survives a crash of the process, and
     * of the machine, from here on.
     */
    public void flush() throws IOException {
        if (out != null) {
            try {
                out.flush();
                // the data only: the file's length is metadata a replay does not need exact (a cut line is dropped)
                channel.force(false);
            } catch (IOException e) {
                throw AtomicFiles.naming(file, e);
            }
            unflushed = 0;
        }
    }

    /** Flushes and closes; the file stays for a retry or a restart. */
    @Override
    public void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("Could not close journal {}: {}", file, e.getMessage());
        }
        out = null;
        channel = null;
    }

    /** Removes the journal once its input is finished. */
    public void delete() {
        close();
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not remove journal {} (it is removed at the next start): {}", file, e.getMessage());
        }
    }

    private BatchOutcome parse(byte[] line) {
        try {
            return json.readValue(line, BatchOutcome.class);
        } catch (IOException e) {
            LOG.warn("Journal {}: a line does not parse ({}); the journal is read up to it", file, e.getMessage());
            return null;
        }
    }
}
