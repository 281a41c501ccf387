package com.expresschat.statussync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.InvalidRow;
import com.expresschat.statussync.model.Outcome;
import com.expresschat.statussync.model.Receipt;
import com.expresschat.statussync.support.StatusSyncTestSupport;

/** on-invalid=skip: the valid rows go out, the receipt lists the others (§2). */
class SkipInvalidTest extends StatusSyncTestSupport {

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.on-invalid", "skip");
    }

    @Test
    void validRowsAreSentAndSkippedRowsAreListed() throws Exception {
        expressChat.acceptAll();
        Receipt receipt = process("mixed.txt", objectId(1) + "\nxyz\n" + objectId(2) + " " + "nope\n" + objectId(3) + "\n");

        assertThat(receipt.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(expressChat.receivedIds()).containsExactly(objectId(1), objectId(3));
        assertThat(receipt.counts().invalid()).isEqualTo(2);
        assertThat(receipt.invalidRows()).map(InvalidRow::line).containsExactly(2L, 3L);
        assertThat(receipt.invalidRows().get(1).reason()).contains("subscriber ID");
    }
}
