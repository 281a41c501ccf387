package com.expresschat.statussync.transport;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;

import com.expresschat.statussync.outcome.InputJournal;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The folder of the outcome collectors' journals (statussync.kafka.journal-dir, shared by the instances like done/ and
 * error/): one outcome.InputJournal of {@link InputEvent}s per input run, whose events are forced to disk by the
 * collector (once per poll) before their records' offsets are committed, so that a collector that dies loses nothing
 * and the one that takes its partition over goes on from the file. What is Kafka's own is here: the envelope, the shared folder, and
 * the empty {@code .completed} marker a completed input leaves, so that a late duplicate of one of its outcomes (a
 * batch delivered again after a crash) is recognised and dropped.
 */
public class CollectorJournals {

    static final String EXTENSION = ".ndjson";
    static final String COMPLETED = ".completed";

    private final Path dir;
    private final ObjectMapper json;

    public CollectorJournals(Path dir, ObjectMapper json) {
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

    /**
     * The journal of an input run, forced to disk only when its owner says ({@link InputJournal#flush}); its outcomes
     * count once per batch (the first journaled), its closing record always. A last line cut short by a crash is dropped when it is replayed, before anything is appended.
     */
    public InputJournal<InputEvent> open(String inputId) {
        return new InputJournal<>(file(inputId), json, InputEvent.class,
                event -> event.isClosing() ? InputJournal.NO_BATCH : event.outcome().batch().number(),
                Integer.MAX_VALUE);
    }

    /** The journal's length on disk (0 when there is none): another instance may have written to it. */
    public long length(String inputId) throws IOException {
        Path file = file(inputId);
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /** Marks the input completed and removes its journal. */
    public void complete(String inputId) throws IOException {
        Files.write(dir.resolve(inputId + COMPLETED), new byte[0]);
        Files.deleteIfExists(file(inputId));
    }

    private Path file(String inputId) {
        return dir.resolve(inputId + EXTENSION);
    }
}
