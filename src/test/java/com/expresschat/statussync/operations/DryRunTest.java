package com.expresschat.statussync.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.BatchRecord;
import com.expresschat.statussync.model.Outcome;
import com.expresschat.statussync.model.Receipt;
import com.expresschat.statussync.support.StatusSyncTestSupport;

/** statussync.dry-run (§7): validate, batch and write receipts, send nothing. */
class DryRunTest extends StatusSyncTestSupport {

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.dry-run", "true");
    }

    @Test
    void aDryRunShowsTheThreeRequestsThatWouldBeSentAndSendsNothing() throws Exception {
        expressChat.acceptAll();
        Receipt receipt = process("250.txt", ids(250, 1));

        assertThat(expressChat.requests()).isEmpty();
        assertThat(receipt.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(receipt.counts().sent()).isZero();
        assertThat(receipt.batches()).hasSize(3);
        assertThat(receipt.batches()).map(b -> b.request().ids().size()).containsExactly(100, 100, 50);
        BatchRecord first = receipt.batches().iterator().next();
        assertThat(first.result()).isEqualTo(BatchRecord.DRY_RUN);
        assertThat(first.attempts()).isZero();
        assertThat(first.request().status()).isEqualTo("DELETED");
        assertThat(first.request().ids().get(0)).isEqualTo(objectId(1));
    }

    @Test
    void aDryRunStillRejectsAnInvalidInput() throws Exception {
        assertThat(process("bad.txt", "nope\n").outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(expressChat.requests()).isEmpty();
    }
}
