package com.expresschat.statussync.transport;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

import com.expresschat.statussync.model.BatchOutcome;

/** The delivery worker's step after deliver-batch (kafka-batch-worker): the outcome it publishes. */
public class BatchWorker {

    private final String instanceId;
    private final TransportMetrics metrics;

    public BatchWorker(String instanceId, TransportMetrics metrics) {
        this.instanceId = instanceId;
        this.metrics = metrics;
    }

    /** The batch's outcome as published: keyed by its input run, naming this instance as the one that delivered it. */
    public InputEvent outcome(@Body BatchOutcome outcome, @ExchangeProperty(BatchPublishing.INPUT_ID) String inputId) {
        metrics.consumed(outcome.result().name());
        return InputEvent.of(inputId, outcome.deliveredBy(instanceId));
    }
}
