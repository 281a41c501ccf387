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

    /**
     * The record's key: input run and batch number, "&lt;inputId&gt;-&lt;number&gt;". BatchPartitioner reads the number back
     * after the last dash to spread an input's batches over the partitions in turn.
     */
    public String key() {
        return inputId + "-" + batch.number();
    }
}
