package com.expresschat.statussync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/** Batches of batch-size (§3), without an ID twice in one batch. */
class BatchingTest extends StatusSyncTestSupport {

    @BeforeEach
    void accept() {
        expressChat.acceptAll();
    }

    @Test
    void twoHundredFiftyIdsMakeBatchesOf100100And50() throws Exception {
        drop("250.txt", ids(250, 1));

        JsonNode receipt = awaitDone("250.txt");

        assertThat(receipt.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(receipt.path("counts").path("batches").asInt()).isEqualTo(3);
        assertThat(expressChat.bodies()).map(b -> b.get("ids").size()).containsExactlyInAnyOrder(100, 100, 50);
        assertThat(expressChat.receivedIds()).hasSize(250).doesNotHaveDuplicates();
        List<String> requestIds = expressChat.requests().stream().map(r -> r.getHeader("X-Request-Id")).toList();
        assertThat(requestIds).doesNotHaveDuplicates();
        assertThat(receipt.path("batches")).map(b -> b.path("requestId").asText())
                .containsExactlyInAnyOrderElementsOf(requestIds);
    }

    @Test
    void anIdRepeatedInsideABatchIsSentOnce() throws Exception {
        String a = objectId(1);
        drop("dup.txt", a + "\n" + objectId(2) + "\n" + a.toUpperCase() + "\n" + a + "\n");

        JsonNode receipt = awaitDone("dup.txt");

        assertThat(expressChat.receivedIds()).containsExactly(a, objectId(2));
        assertThat(receipt.path("counts").path("duplicatesDropped").asInt()).isEqualTo(2);
        assertThat(receipt.path("counts").path("delivered").asInt()).isEqualTo(2);
    }
}
