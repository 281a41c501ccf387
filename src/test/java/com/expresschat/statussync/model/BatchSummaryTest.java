package com.expresschat.statussync.model;

import static com.expresschat.statussync.support.Samples.batch;
import static com.expresschat.statussync.support.Samples.deadLettered;
import static com.expresschat.statussync.support.Samples.delivered;
import static com.expresschat.statussync.support.Samples.isolated;
import static com.expresschat.statussync.support.Samples.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.Samples;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an outcome keeps once it is journaled or published: a delivered batch's count and request id, not its rows;
 * the rows of what was dead-lettered (they become dead letters) and of a dry run (its receipt shows the request).
 */
class BatchSummaryTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aDeliveredOutcomeKeepsItsCountAndReceiptLineButNotItsIds() throws Exception {
        BatchOutcome outcome = delivered(3, 100);

        BatchOutcome kept = outcome.withoutDeliveredRows();
        String written = json.writeValueAsString(kept);

        assertThat(written).doesNotContain(Samples.userId(1)).doesNotContain("\"rows\"").contains("\"size\":100");
        BatchOutcome read = json.readValue(written, BatchOutcome.class);
        assertThat(read).isEqualTo(kept);
        assertThat(read.batch().size()).isEqualTo(100);
        assertThat(read.record()).isEqualTo(outcome.record());
        assertThat(talliedCounts(read)).isEqualTo(talliedCounts(outcome));
        assertThat(kept.withoutDeliveredRows()).isSameAs(kept);
    }

    @Test
    void deadLetteredAndDryRunOutcomesKeepTheirRows() {
        BatchOutcome deadLettered = deadLettered(2, 5);
        BatchOutcome dryRun = BatchOutcome.dryRun(batch(4, rows(3)), Samples.STARTED_AT);

        assertThat(deadLettered.withoutDeliveredRows()).isEqualTo(deadLettered);
        assertThat(dryRun.withoutDeliveredRows()).isEqualTo(dryRun);
    }

    @Test
    void anIsolatedOutcomeKeepsOnlyTheRowsOfItsDeadLetteredPieces() throws Exception {
        BatchOutcome outcome = isolated(1);

        BatchOutcome kept = json.readValue(json.writeValueAsBytes(outcome.withoutDeliveredRows()), BatchOutcome.class);

        assertThat(kept.batch().isSummary()).isTrue();
        assertThat(kept.isolation().pieces()).extracting(piece -> piece.batch().rows().size())
                .containsExactly(0, 1, 1);
        assertThat(kept.isolation().pieces()).extracting(piece -> piece.batch().size()).containsExactly(2, 1, 1);
        assertThat(kept.record()).isEqualTo(outcome.record());
        assertThat(talliedCounts(kept)).isEqualTo(talliedCounts(outcome));
    }

    @Test
    void aSummaryCannotBeSentOrHalved() {
        Batch summary = batch(7, rows(2)).summary();

        assertThatThrownBy(summary::toStatusUpdate).isInstanceOf(IllegalStateException.class)
                .hasMessage("batch 7 of users.txt is a summary of a delivered batch: its rows are not kept");
        assertThatThrownBy(summary::halves).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("batch 7 of users.txt is a summary");
    }

    @Test
    void anEntryWrittenBeforeTheSizeWasRecordedCountsItsRows() throws Exception {
        String older = "{\"inputName\":\"users.txt\",\"number\":1,\"status\":\"DELETED\",\"rows\":["
                       + "{\"line\":1,\"id\":\"" + Samples.userId(1) + "\"},{\"line\":2,\"id\":\"" + Samples.userId(2)
                       + "\"}],\"requestId\":\"request-1\"}";

        Batch read = json.readValue(older, Batch.class);

        assertThat(read.size()).isEqualTo(2);
        assertThat(read).isEqualTo(batch(1, rows(2)));
    }

    @Test
    void aBatchWhoseSizeDisagreesWithItsRowsOrThatHoldsNothingIsRefused() {
        assertThatThrownBy(() -> new Batch("users.txt", 1, "DELETED", rows(2), "request-1", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch 1 of users.txt holds 2 rows, not 3");
        assertThatThrownBy(() -> new Batch("users.txt", 1, "DELETED", List.of(), "request-1", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch 1 of users.txt holds no ID");
    }

    private static Receipt.Counts talliedCounts(BatchOutcome outcome) {
        Tally tally = new Tally();
        tally.add(outcome);
        return tally.counts();
    }
}
