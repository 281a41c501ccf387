package com.expresschat.statussync.outcome;

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
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.storage.AtomicFiles;
import com.expresschat.statussync.storage.BackgroundForce;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The journal of one input (§5): append-only NDJSON, one entry per line, in the order they are recorded. A claimed
 * input's journal holds its {@link BatchOutcome}s ({@link #of}), beside the claimed file (storage.Claims names it); a
 * transport's outcome collector journals its own envelopes of them with it too, written out at every entry and forced
 * once per poll, before the poll's offsets are committed. Entries that carry a batch number count once per batch: the
 * first one journaled.
 * <p>
 * Written through a buffer that is handed to the operating system every {@code flushEvery} entries and when the input
 * completes, so that after a kill -9 only the unflushed tail is missing. Each flush is forced to disk (fsync) too: at
 * once, or for a claimed input's journal in the background ({@link BackgroundForce}; its failure fails the next
 * flush), and at completion always before it returns; after a power loss, at most one more flush is missing. A
 * retried or restarted input {@link #replay replays} it first: the batches it holds count as done (the batching of the same bytes is
 * deterministic: a batch is the input and its number) and are not sent again. A line the crash cut short is dropped,
 * and the file truncated to its last complete line before anything is appended. Entries are recorded one at a time
 * (the split's aggregation, a collector's consumer): nothing here is synchronized.
 */
public final class InputJournal<T> implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(InputJournal.class);
    private static final int BUFFER_BYTES = 64 * 1024;

    /** What {@link #batchOf} says of an entry that is not about one batch (it is never dropped as a duplicate). */
    public static final int NO_BATCH = -1;

    private final Path file;
    private final ObjectMapper json;
    private final Class<T> type;
    private final ToIntFunction<T> batchOf;
    private final int flushEvery;
    private final BackgroundForce force;
    private final BitSet recorded = new BitSet();
    private FileChannel channel;
    private OutputStream out;
    private int unflushed;

    /**
     * A journal of {@code type} entries in {@code file} (which may not exist yet), flushed every {@code flushEvery}
     * entries; {@code batchOf} gives an entry's batch number, or {@link #NO_BATCH}.
     */
    public InputJournal(Path file, ObjectMapper json, Class<T> type, ToIntFunction<T> batchOf, int flushEvery) {
        this(file, json, type, batchOf, flushEvery, null);
    }

    /** As above; the forces of flushes other than {@link #flush()} run on {@code forces} ({@code null}: at once). */
    public InputJournal(Path file, ObjectMapper json, Class<T> type, ToIntFunction<T> batchOf, int flushEvery,
            Executor forces) {
        if (flushEvery < 1) {
            throw new IllegalArgumentException("statussync.journal.flush-every-batches must be at least 1, was "
                                               + flushEvery);
        }
        this.file = file;
        this.json = json;
        this.type = type;
        this.batchOf = batchOf;
        this.flushEvery = flushEvery;
        this.force = new BackgroundForce(file, forces);
    }

    /** The journal of a claimed input's batch outcomes in {@code file}, flushed every {@code flushEvery} outcomes. */
    public static InputJournal<BatchOutcome> of(Path file, ObjectMapper json, int flushEvery) {
        return of(file, json, flushEvery, null);
    }

    /** As above, with the periodic forces run on {@code forces}. */
    public static InputJournal<BatchOutcome> of(Path file, ObjectMapper json, int flushEvery, Executor forces) {
        return new InputJournal<>(file, json, BatchOutcome.class, outcome -> outcome.batch().number(), flushEvery,
                forces);
    }

    /** No journal: an input held in memory (a synchronous REST request) has nothing to resume. */
    public static InputJournal<BatchOutcome> none() {
        return of(null, null, 1);
    }

    /**
     * Hands every entry journaled so far to {@code restore}, in journal order (an entry of a batch already handed over
     * is skipped), and remembers their batch numbers; returns how many there were. Called once, before anything is
     * appended.
     */
    public int replay(Consumer<T> restore) throws IOException {
        if (file == null || !Files.exists(file)) {
            return 0;
        }
        int count = 0;
        long complete = 0;
        // read in chunks, each line parsed where it lies; only a line across two chunks is copied
        byte[] chunk = new byte[BUFFER_BYTES];
        ByteArrayOutputStream carried = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(file)) {
            long position = 0;
            reading:
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] != '\n') {
                        continue;
                    }
                    T entry;
                    if (carried.size() == 0) {
                        entry = parse(chunk, from, i - from);
                    } else {
                        carried.write(chunk, from, i - from);
                        byte[] line = carried.toByteArray();
                        carried.reset();
                        entry = parse(line, 0, line.length);
                    }
                    if (entry == null) {
                        break reading;
                    }
                    complete = position + i + 1;
                    from = i + 1;
                    if (firstOfItsBatch(entry)) {
                        restore.accept(entry);
                        count++;
                    }
                }
                carried.write(chunk, from, n - from);
                position += n;
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

    private boolean firstOfItsBatch(T entry) {
        int batch = batchOf.applyAsInt(entry);
        if (batch == NO_BATCH) {
            return true;
        }
        if (recorded.get(batch)) {
            return false;
        }
        recorded.set(batch);
        return true;
    }

    /** Whether batch {@code number} was journaled by an earlier run (and is not to be sent again). */
    public boolean recorded(int number) {
        return recorded.get(number);
    }

    /**
     * Appends an entry; flushes every {@code flushEvery} entries, and returns whether it did. A write that fails names
     * the journal's file (a storage fault of its folder).
     */
    public boolean append(T entry) throws IOException {
        if (file == null) {
            return false;
        }
        try {
            if (out == null) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
                out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
            }
            out.write(json.writeValueAsBytes(entry));
            out.write('\n');
        } catch (IOException e) {
            throw AtomicFiles.naming(file, e);
        }
        int batch = batchOf.applyAsInt(entry);
        if (batch != NO_BATCH) {
            recorded.set(batch);
        }
        if (++unflushed >= flushEvery) {
            writeOut();
            force.request(channel);
            return true;
        }
        return false;
    }

    /**
     * Hands what is buffered to the operating system and forces it to disk before it returns: it survives a crash of
     * the process, and of the machine, from here on.
     */
    public void flush() throws IOException {
        if (out != null) {
            writeOut();
            force.now(channel);
        }
    }

    /**
     * Hands what is buffered to the operating system without forcing it to disk: it survives a crash of the process
     * and another reader of the file sees it, but only a {@link #flush} makes it survive a crash of the machine.
     */
    public void writeOut() throws IOException {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                throw AtomicFiles.naming(file, e);
            }
        }
        unflushed = 0;
    }

    /** Flushes and closes; the file stays for a retry or a restart. */
    @Override
    public void close() {
        if (out == null) {
            return;
        }
        try {
            // a force under way ends before its channel is closed
            force.await();
        } catch (IOException e) {
            LOG.warn("Journal {} was not forced to disk: {}", file, e.getMessage());
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

    private T parse(byte[] bytes, int offset, int length) {
        try {
            return json.readValue(bytes, offset, length, type);
        } catch (IOException e) {
            LOG.warn("Journal {}: a line does not parse ({}); the journal is read up to it", file, e.getMessage());
            return null;
        }
    }
}
