package com.expresschat.statussync.transport;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offset commits of the Kafka consumer routes (routes/kafka-*.camel.yaml): each route's last step, once the
 * record's final outcome is acknowledged or stored; and the skip of a record that is not one of ours.
 */
public class KafkaCommit {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCommit.class);

    /** Commits the record's offset: a synchronous commit of offset + 1 on the consumer's thread. */
    public void commit(@Header(KafkaConstants.MANUAL_COMMIT) KafkaManualCommit commit) {
        if (commit == null) {
            throw new IllegalStateException("no " + KafkaConstants.MANUAL_COMMIT
                                            + " header: the consumer needs allowManualCommit=true");
        }
        commit.commit();
    }

    /** A record that is not one of ours: logged with where it is and why, then committed, so that consumption goes on. */
    public void skip(@Header(KafkaConstants.TOPIC) String topic, @Header(KafkaConstants.PARTITION) Integer partition,
            @Header(KafkaConstants.OFFSET) Long offset, @Header(KafkaConstants.MANUAL_COMMIT) KafkaManualCommit commit,
            @ExchangeProperty("CamelExceptionCaught") Exception problem) {
        LOG.error("Skipping record {}-{}@{}: not a record of this product ({})", topic, partition, offset,
                problem == null ? "unreadable" : problem.getMessage());
        commit(commit);
    }
}
