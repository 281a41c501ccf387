package com.expresschat.statussync.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The journal of the inputs being collected (statussync.kafka.journal-dir, shared by the instances like done/ and
 * error/): one NDJSON file per input run of the {@link InputEvent}s received so far, each line forced to disk before
 * the record's offset is committed, so that a collector that dies loses nothing and the one that takes its partition
 * over goes on from the file. A completed input leaves an empty {@code .completed} marker, so that a late duplicate
 * of one of its outcomes (a batch delivered again after a crash) is recognised and dropped.
 */
public class InputJournal {

    static final String EXTENSION = ".ndjson";
    static final String COMPLETED = ".completed";

    private final Path dir;
    private final ObjectMapper json;

    public InputJournal(Path dir, ObjectMapper json) {
        this.dir = dir;
        this.json = json;
    }

    /** Creates the folder and removes completed markers older than {@code keep}. */
    public void prepare(Duration keep, Clock clock) throws IOException {
        Files.createDirectories(dir);
        FileTime before = FileTime.from(clock.instant().minus(keep));
        try (DirectoryStream<Path> markers = Files.newDirectoryStream(dir, "*" + COMPLETED)) {
            for (Path marker : markers) {
                if (Files.getLastModifiedTime(marker).compareTo(before) < 0) {
                    Files.deleteIfExists(marker);
                }
            }
        }
    }

    public boolean completed(String inputId) {
        return Files.exists(dir.resolve(inputId + COMPLETED));
    }

    /** The journal's length on disk (0 when there is none): another instance may have written to it. */
    public long length(String inputId) throws IOException {
        Path file = file(inputId);
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /**
     * Appends an event, forced to disk; returns the journal's new length. A last line cut short by a crash is cut off
     * first (its record was not committed and comes again), so that the journal stays one event per line.
     */
    public long append(InputEvent event) throws IOException {
        byte[] line = (json.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = FileChannel.open(file(event.inputId()), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            out.truncate(completeLines(out));
            out.position(out.size());
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(false);
            return out.size();
        }
    }

    /** The length of the journal up to and including its last newline. */
    private static long completeLines(FileChannel journal) throws IOException {
        long end = journal.size();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (end > 0) {
            one.clear();
            journal.read(one, end - 1);
            if (one.get(0) == '\n') {
                return end;
            }
            end--;
        }
        return 0;
    }

    /**
     * Reads the input's events in the order they were journalled, one at a time (an input's outcomes are not all held
     * in memory). A last line cut short by a crash is ignored, as {@link #append} would cut it.
     */
    public void read(String inputId, Consumer<InputEvent> each) throws IOException {
        Path file = file(inputId);
        if (!Files.exists(file)) {
            return;
        }
        try (MappingIterator<InputEvent> events = json.readerFor(InputEvent.class).readValues(file.toFile())) {
            while (events.hasNextValue()) {
                each.accept(events.nextValue());
            }
        } catch (IOException e) {
            if (!cutShort(file)) {
                throw new IOException("cannot read the journal " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Marks the input completed and removes its journal. */
    public void complete(String inputId) throws IOException {
        Files.write(dir.resolve(inputId + COMPLETED), new byte[0]);
        Files.deleteIfExists(file(inputId));
    }

    private static boolean cutShort(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return all.length > 0 && all[all.length - 1] != '\n';
    }

    private Path file(String inputId) {
        return dir.resolve(inputId + EXTENSION);
    }
}
