package com.expresschat.statussync.transport;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.model.BatchOutcome;

/**
 * The delivery worker's steps around deliver-batch (routes/kafka-transport.camel.yaml, kafka-batch-worker and
 * kafka-outcome-collector): the outcome it publishes, and the offset commit that comes only after it.
 */
public class BatchWorker {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWorker.class);

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

    /**
     * Commits the record's offset (a synchronous commit of offset + 1 on the consumer's thread): the route's last
     * step, once its final outcome is acknowledged or recorded.
     */
    public void commit(@Header(KafkaConstants.MANUAL_COMMIT) KafkaManualCommit commit) {
        if (commit == null) {
            throw new IllegalStateException("no " + KafkaConstants.MANUAL_COMMIT
                                            + " header: the consumer needs allowManualCommit=true");
        }
        commit.commit();
    }

    /** A record that is not one of ours: logged and skipped (committed), so that consumption goes on. */
    public void poison(@Header(KafkaConstants.TOPIC) String topic, @Header(KafkaConstants.PARTITION) Integer partition,
            @Header(KafkaConstants.OFFSET) Long offset, @ExchangeProperty("CamelExceptionCaught") Exception problem) {
        LOG.error("Skipping record {}-{}@{}: not a record of this product ({})", topic, partition, offset,
                problem == null ? "unreadable" : problem.getMessage());
    }
}
