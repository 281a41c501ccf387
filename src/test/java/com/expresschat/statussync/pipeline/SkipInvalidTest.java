package com.expresschat.statussync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/** on-invalid=skip: the valid rows go out, the receipt lists the others (§2). */
class SkipInvalidTest extends StatusSyncTestSupport {

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.on-invalid", "skip");
    }

    @Test
    void validRowsAreSentAndSkippedRowsAreListed() throws Exception {
        expressChat.acceptAll();
        drop("mixed.txt", objectId(1) + "\nxyz\n" + objectId(2) + " " + "nope\n" + objectId(3) + "\n");

        JsonNode receipt = awaitDone("mixed.txt");

        assertThat(receipt.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(expressChat.receivedIds()).containsExactly(objectId(1), objectId(3));
        assertThat(receipt.path("counts").path("invalid").asInt()).isEqualTo(2);
        assertThat(receipt.path("invalidRows")).map(r -> r.path("line").asInt()).containsExactly(2, 3);
        assertThat(receipt.path("invalidRows").get(1).path("reason").asText()).contains("subscriber ID");
    }
}
