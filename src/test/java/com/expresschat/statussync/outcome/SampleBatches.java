package com.expresschat.statussync.outcome;

import com.expresschat.statussync.model.BatchRecord;

/** Test fixtures: what became of a batch, as the delivery and dead-letter recorders report it. */
final class SampleBatches {

    private SampleBatches() {
    }

    static BatchRecord delivered(int number, int ids) {
        return new BatchRecord(number, "request-" + number, "DELETED", ids, 1, BatchRecord.DELIVERED, 200, "{}");
    }

    static BatchRecord deadLettered(int number, int ids) {
        return new BatchRecord(number, "request-" + number, "DELETED", ids, 6, "TRANSIENT", 503, "down");
    }
}
