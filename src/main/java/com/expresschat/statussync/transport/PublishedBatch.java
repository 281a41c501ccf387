package com.expresschat.statussync.transport;

import com.expresschat.statussync.model.Batch;

/**
 * A record of the batches topic: one batch of one input run (statussync.transport=kafka).
 *
 * @param inputId the input run the batch belongs to (a UUID made when its batches are published): the key under which
 *                its outcome is collected
 * @param batch   the batch
 */
public record PublishedBatch(String inputId, Batch batch) {

    /** The record's key: input and batch number, from which BatchPartitioner spreads an input over the partitions. */
    public String key() {
        return inputId + "-" + batch.number();
    }
}
