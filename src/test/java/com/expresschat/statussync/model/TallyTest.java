package com.expresschat.statussync.model;

import static com.expresschat.statussync.support.Samples.deadLettered;
import static com.expresschat.statussync.support.Samples.delivered;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.Samples;

/** Tally: the counts of one input, and its outcome (§5). */
class TallyTest {

    private final Tally tally = new Tally();

    @Test
    void allBatchesDeliveredIsDelivered() {
        tally.add(delivered(1, 100));
        tally.add(delivered(2, 20));

        assertThat(tally.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(tally.delivered()).isEqualTo(120);
        assertThat(tally.sent()).isEqualTo(120);
        assertThat(tally.batches()).isEqualTo(2);
    }

    @Test
    void someBatchesDeadLetteredIsPartial() {
        tally.add(delivered(1, 100));
        tally.add(deadLettered(2, 20));

        assertThat(tally.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(tally.delivered()).isEqualTo(100);
        assertThat(tally.deadLettered()).isEqualTo(20);
        assertThat(tally.sent()).isEqualTo(120);
    }

    @Test
    void everyBatchDeadLetteredIsFailed() {
        tally.add(deadLettered(1, 100));
        tally.add(deadLettered(2, 20));

        assertThat(tally.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void theIdsOfAnIsolatedBatchAreCountedWhereTheirPartEnded() {
        tally.add(delivered(1, 100));
        tally.add(Samples.isolated(2));

        assertThat(tally.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(tally.delivered()).isEqualTo(102);
        assertThat(tally.deadLettered()).isEqualTo(2);
        assertThat(tally.sent()).isEqualTo(104);
        assertThat(tally.batches()).isEqualTo(2);
        assertThat(tally.refused()).isEqualTo(1);
        assertThat(tally.isolationRequests()).isEqualTo(4);
        assertThat(tally.counts().refused()).isEqualTo(1);
        assertThat(tally.counts().isolationRequests()).isEqualTo(4);
    }

    @Test
    void aBatchHeldBackWithoutACallIsNotCountedAsSent() {
        tally.add(BatchOutcome.deadLettered(Samples.batch(1, Samples.rows(3)), 0, FailureClass.TRANSIENT, null, null,
                "not sent: circuit open", Samples.STARTED_AT));

        assertThat(tally.deadLettered()).isEqualTo(3);
        assertThat(tally.sent()).isZero();
    }

    @Test
    void aDryRunSendsNothing() {
        tally.add(BatchOutcome.dryRun(Samples.batch(1, Samples.rows(3)), Samples.STARTED_AT));

        assertThat(tally.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(tally.sent()).isZero();
    }

    @Test
    void aRejectedInputIsRejectedWhateverElseHappened() {
        tally.add(delivered(1, 3));
        tally.reject("3 invalid rows");

        assertThat(tally.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(tally.rejected()).isTrue();
        assertThat(tally.rejectionReason()).isEqualTo("3 invalid rows");
    }

    @Test
    void namesTheFirstHundredInvalidRowsAndCountsThemAll() {
        for (int line = 1; line <= 150; line++) {
            tally.rowRead();
            tally.invalidRow(line, "bad-" + line, "not an ID");
        }
        tally.rowRead();

        assertThat(tally.invalid()).isEqualTo(150);
        assertThat(tally.valid()).isEqualTo(1);
        assertThat(tally.invalidRows()).hasSize(Tally.MAX_LISTED_INVALID_ROWS)
                .startsWith(new InvalidRow(1, "bad-1", "not an ID"))
                .endsWith(new InvalidRow(100, "bad-100", "not an ID"));
    }
}
