package com.expresschat.statussync.transport;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.BatchOutcome;

/**
 * The delivery worker's steps around deliver-batch (kafka-batch-worker): the batch and input run of a consumed
 * record, and the outcome it publishes. Methods, not simple expressions on the body: an OGNL call on a record makes
 * Camel hash the whole record (every row of its batch) for its bean cache.
 */
public class BatchWorker {

    private final String instanceId;
    private final TransportMetrics metrics;

    public BatchWorker(String instanceId, TransportMetrics metrics) {
        this.instanceId = instanceId;
        this.metrics = metrics;
    }

    public String inputOf(@Body PublishedBatch record) {
        return record.inputId();
    }

    public Batch batchOf(@Body PublishedBatch record) {
        return record.batch();
    }

    /**
     * The batch's outcome as published: keyed by its input run, naming this instance as the one that delivered it,
     * without the rows of what was delivered (the collector needs their count only).
     */
    public InputEvent outcome(@Body BatchOutcome outcome, @ExchangeProperty(BatchPublishing.INPUT_ID) String inputId) {
        metrics.consumed(outcome.result().name());
        return InputEvent.of(inputId, outcome.withoutDeliveredRows().deliveredBy(instanceId));
    }

    /** The outcome record's key: its input run, so that all of an input's events reach one collector. */
    public String keyOf(@Body InputEvent event) {
        return event.inputId();
    }
}
