package com.expresschat.statussync.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/** statussync.dry-run (§7): validate, batch and write receipts, send nothing. */
class DryRunTest extends StatusSyncTestSupport {

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.dry-run", "true");
    }

    @Test
    void aDryRunShowsTheThreeRequestsThatWouldBeSentAndSendsNothing() throws Exception {
        expressChat.acceptAll();
        drop("250.txt", ids(250, 1));

        JsonNode receipt = awaitDone("250.txt");

        assertThat(expressChat.requests()).isEmpty();
        assertThat(receipt.path("outcome").asText()).isEqualTo("DRY_RUN");
        assertThat(receipt.path("counts").path("sent").asInt()).isZero();
        assertThat(receipt.path("batches")).hasSize(3);
        assertThat(receipt.path("batches")).map(b -> b.path("request").path("ids").size()).containsExactly(100, 100, 50);
        JsonNode first = receipt.path("batches").get(0);
        assertThat(first.path("result").asText()).isEqualTo("DRY_RUN");
        assertThat(first.path("attempts").asInt()).isZero();
        assertThat(first.path("request").path("status").asText()).isEqualTo("DELETED");
        assertThat(first.path("request").path("ids").get(0).asText()).isEqualTo(objectId(1));
    }

    @Test
    void aDryRunStillRejectsAnInvalidInput() throws Exception {
        drop("bad.txt", "nope\n");

        assertThat(awaitRejected("bad.txt").path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(expressChat.requests()).isEmpty();
    }
}
