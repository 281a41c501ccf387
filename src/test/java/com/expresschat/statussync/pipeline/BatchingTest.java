package com.expresschat.statussync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.BatchRecord;
import com.expresschat.statussync.model.Outcome;
import com.expresschat.statussync.model.Receipt;
import com.expresschat.statussync.support.StatusSyncTestSupport;

/** Batches of batch-size (§3), without an ID twice in one batch. */
class BatchingTest extends StatusSyncTestSupport {

    @BeforeEach
    void accept() {
        expressChat.acceptAll();
    }

    @Test
    void twoHundredFiftyIdsMakeBatchesOf100100And50() throws Exception {
        Receipt receipt = process("250.txt", ids(250, 1));

        assertThat(receipt.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(receipt.counts().batches()).isEqualTo(3);
        assertThat(expressChat.bodies()).map(b -> b.get("ids").size()).containsExactlyInAnyOrder(100, 100, 50);
        assertThat(expressChat.receivedIds()).hasSize(250).doesNotHaveDuplicates();
        List<String> requestIds = expressChat.requests().stream().map(r -> r.getHeader("X-Request-Id")).toList();
        assertThat(requestIds).doesNotHaveDuplicates();
        assertThat(receipt.batches()).map(BatchRecord::requestId).containsExactlyInAnyOrderElementsOf(requestIds);
    }

    @Test
    void anIdRepeatedInsideABatchIsSentOnce() throws Exception {
        String a = objectId(1);
        Receipt receipt = process("dup.txt", a + "\n" + objectId(2) + "\n" + a.toUpperCase() + "\n" + a + "\n");

        assertThat(expressChat.receivedIds()).containsExactly(a, objectId(2));
        assertThat(receipt.counts().duplicatesDropped()).isEqualTo(2);
        assertThat(receipt.counts().delivered()).isEqualTo(2);
    }
}
