package com.expresschat.statussync.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.model.FailureClass;
import com.expresschat.statussync.model.Row;
import com.fasterxml.jackson.databind.ObjectMapper;

class InputJournalTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void outcomesAreWrittenOutEveryFlushIntervalAndReplayedInOrder() throws Exception {
        Path file = dir.resolve(".journal-x.ndjson");
        InputJournal<BatchOutcome> journal = InputJournal.of(file, json, 3);
        journal.append(delivered(1));
        journal.append(delivered(2));
        assertThat(Files.size(file)).as("buffered until the third outcome").isZero();
        journal.append(deadLettered(3));
        long afterThree = Files.size(file);
        assertThat(afterThree).isPositive();
        journal.append(delivered(4));
        assertThat(Files.size(file)).isEqualTo(afterThree);
        journal.close();

        List<BatchOutcome> replayed = new ArrayList<>();
        InputJournal<BatchOutcome> again = InputJournal.of(file, json, 3);
        assertThat(again.replay(replayed::add)).isEqualTo(4);
        assertThat(replayed).extracting(o -> o.batch().number()).containsExactly(1, 2, 3, 4);
        assertThat(replayed.get(2)).isEqualTo(deadLettered(3));
        assertThat(again.recorded(3)).isTrue();
        assertThat(again.recorded(5)).isFalse();
    }

    @Test
    void aLineCutByACrashIsDroppedAndTheJournalGoesOnAfterTheLastCompleteLine() throws Exception {
        Path file = dir.resolve(".journal-y.ndjson");
        InputJournal<BatchOutcome> journal = InputJournal.of(file, json, 1);
        journal.append(delivered(1));
        journal.close();
        Files.writeString(file, "{\"batch\":{\"inputName\":\"in", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        InputJournal<BatchOutcome> resumed = InputJournal.of(file, json, 1);
        assertThat(resumed.replay(o -> { })).isEqualTo(1);
        resumed.append(delivered(2));
        resumed.close();

        List<BatchOutcome> replayed = new ArrayList<>();
        assertThat(InputJournal.of(file, json, 1).replay(replayed::add)).isEqualTo(2);
        assertThat(replayed).extracting(o -> o.batch().number()).containsExactly(1, 2);
    }

    @Test
    void aJournalOfManyLargeEntriesIsReplayedWholeLinesAcrossReadsIncludedUpToALineThatDoesNotParse() throws Exception {
        Path file = dir.resolve(".journal-z.ndjson");
        InputJournal<BatchOutcome> journal = InputJournal.of(file, json, 1000);
        for (int n = 1; n <= 60; n++) {
            journal.append(com.expresschat.statussync.support.Samples.delivered(n, 100));
        }
        journal.close();
        assertThat(Files.size(file)).as("lines across several 64 KiB reads").isGreaterThan(3 * 64 * 1024);
        long whole = Files.size(file);
        Files.writeString(file, "not json\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (InputJournal<BatchOutcome> more = InputJournal.of(file, json, 1)) {
            more.append(delivered(61)); // after the line that does not parse: never read
        }

        List<BatchOutcome> replayed = new ArrayList<>();
        assertThat(InputJournal.of(file, json, 1).replay(replayed::add)).isEqualTo(60);
        assertThat(replayed).extracting(o -> o.batch().number())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 60).boxed().toList());
        assertThat(replayed).allSatisfy(o -> assertThat(o.batch().rows()).hasSize(100));
        assertThat(Files.size(file)).as("cut after the last line that parses").isEqualTo(whole);
    }

    @Test
    void deleteRemovesTheFileAndNoneWritesNothing() throws Exception {
        Path file = dir.resolve(".journal-z.ndjson");
        InputJournal<BatchOutcome> journal = InputJournal.of(file, json, 1);
        journal.append(delivered(1));
        journal.delete();
        assertThat(file).doesNotExist();

        InputJournal<BatchOutcome> none = InputJournal.none();
        none.append(delivered(1));
        assertThat(none.replay(o -> { })).isZero();
        assertThat(none.recorded(1)).isFalse();
    }

    /** An envelope of a transport's own: outcomes, and entries about no batch (a closing record). */
    record Event(Integer batch, String note) {
    }

    @Test
    void theFirstEntryOfABatchCountsEntriesAboutNoBatchAlwaysDoAndEachFlushReachesTheFile() throws Exception {
        Path file = dir.resolve("collector.ndjson");
        InputJournal<Event> journal = new InputJournal<>(file, json, Event.class,
                e -> e.batch() == null ? InputJournal.NO_BATCH : e.batch(), 1);
        journal.append(new Event(1, "first"));
        assertThat(Files.readString(file)).as("forced out with the entry").contains("first");
        journal.append(new Event(1, "delivered again"));
        journal.append(new Event(null, "closed"));
        journal.append(new Event(null, "closed again"));
        journal.close();

        List<Event> replayed = new ArrayList<>();
        new InputJournal<>(file, json, Event.class, e -> e.batch() == null ? InputJournal.NO_BATCH : e.batch(), 1)
                .replay(replayed::add);
        assertThat(replayed).extracting(Event::note).containsExactly("first", "closed", "closed again");
    }

    private static Batch batch(int number) {
        return new Batch("in.txt", number, "DELETED",
                List.of(Row.of(number, String.format("%024x", number), null, null)), "r-" + number);
    }

    private static BatchOutcome delivered(int number) {
        return BatchOutcome.delivered(batch(number), 1, 200, "{}", Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static BatchOutcome deadLettered(int number) {
        return BatchOutcome.deadLettered(batch(number), 2, FailureClass.TRANSIENT, 503, "busy", null,
                Instant.parse("2026-01-01T00:00:00Z"));
    }
}
