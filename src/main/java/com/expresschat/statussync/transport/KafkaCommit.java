package com.expresschat.statussync.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Body;
import org.apache.camel.CamelContext;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.support.DefaultMessage;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offset commits of the Kafka consumer routes (routes/kafka-*.camel.yaml), once per poll. Each record of a poll is
 * marked {@link #done} when its final outcome is stored (the collector's journal entry, the intake's inbox file) or
 * {@link #hold held} with the outcome still to publish (the worker's), or {@link #skip skipped} as not one of ours. At
 * the poll's last record (camel-kafka's {@code kafka.LAST_POLL_RECORD}) the route first makes the poll's outcomes
 * durable (publishes the {@link #held} ones in one synchronous send, or forces the journals), and only then
 * {@link #commit commits}: the next offset of every partition the poll touched, in one commitSync. So an offset is
 * never committed before the outcome of every record up to it is acknowledged or on disk, and what a crash leaves
 * uncommitted is at most one poll's records per consumer thread (statussync.kafka.max-poll-records).
 * <p>
 * A poll is the state of its consumer's thread: camel-kafka hands a poll's records to the route one after the other
 * on the thread of their KafkaConsumer, which is the only thread that may commit. A poll that ends before its last
 * record (a failure that makes camel-kafka recreate the consumer, which then starts again from the last commit) is
 * dropped at the next record, of another consumer or at an offset it had already passed: nothing of it is committed.
 */
public class KafkaCommit {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCommit.class);

    /** The records of the poll in hand on one consumer thread. */
    private static final class Poll {
        final Consumer<?, ?> consumer;
        final Duration timeout;
        /** Per partition, the offset after the last record done: what is committed. */
        final Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        final List<Message> outcomes = new ArrayList<>();

        Poll(Consumer<?, ?> consumer, Duration timeout) {
            this.consumer = consumer;
            this.timeout = timeout;
        }

        /** Whether a record at {@code offset} of {@code partition} belongs to this poll (comes after what it holds). */
        boolean continuedBy(Consumer<?, ?> other, TopicPartition partition, long offset) {
            OffsetAndMetadata held = next.get(partition);
            return consumer == other && (held == null || offset >= held.offset());
        }
    }

    private final ThreadLocal<Poll> polls = new ThreadLocal<>();

    /** The record is done: its outcome is stored; its offset is committed with the poll's. */
    public void done(@Header(KafkaConstants.MANUAL_COMMIT) KafkaManualCommit commit) {
        DefaultKafkaManualCommit record = record(commit);
        TopicPartition partition = record.getPartition();
        long offset = record.getRecordOffset();
        Consumer<?, ?> consumer = record.getCamelExchangePayload().consumer;
        Poll poll = polls.get();
        if (poll != null && !poll.continuedBy(consumer, partition, offset)) {
            LOG.debug("A poll of {} records ended before its last one: its records are consumed again",
                    poll.next.size());
            poll = null;
        }
        if (poll == null) {
            poll = new Poll(consumer, Duration.ofMillis(record.getCommitTimeout()));
            polls.set(poll);
        }
        poll.next.put(partition, new OffsetAndMetadata(offset + 1));
    }

    /**
     * The worker's outcome record of this record (JSON, keyed by its input run), published with the poll's others
     * before the commit.
     */
    public void hold(@Body byte[] outcome, @Header(KafkaConstants.KEY) String key,
            @Header(KafkaConstants.MANUAL_COMMIT) KafkaManualCommit commit, CamelContext context) {
        done(commit);
        Message message = new DefaultMessage(context);
        message.setBody(outcome);
        message.setHeader(KafkaConstants.KEY, key);
        polls.get().outcomes.add(message);
    }

    /** The outcomes held for the poll, as the records of one send (each message's body and key). */
    public List<Message> held() {
        Poll poll = polls.get();
        return poll == null ? List.of() : List.copyOf(poll.outcomes);
    }

    /** Commits the next offset of every partition of the poll, once its outcomes are durable; the poll is over. */
    public void commit() {
        Poll poll = polls.get();
        polls.remove();
        if (poll != null && !poll.next.isEmpty()) {
            poll.consumer.commitSync(poll.next, poll.timeout);
        }
    }

    /**
     * A record that is not one of ours: logged with where it is and why, then done (committed with the poll), so
     * that consumption goes on.
     */
    public void skip(@Header(KafkaConstants.TOPIC) String topic, @Header(KafkaConstants.PARTITION) Integer partition,
            @Header(KafkaConstants.OFFSET) Long offset, @Header(KafkaConstants.MANUAL_COMMIT) KafkaManualCommit commit,
            @ExchangeProperty("CamelExceptionCaught") Exception problem) {
        LOG.error("Skipping record {}-{}@{}: not a record of this product ({})", topic, partition, offset,
                problem == null ? "unreadable" : problem.getMessage());
        done(commit);
    }

    private static DefaultKafkaManualCommit record(KafkaManualCommit commit) {
        if (commit == null) {
            throw new IllegalStateException("no " + KafkaConstants.MANUAL_COMMIT
                                            + " header: the consumer needs allowManualCommit=true");
        }
        if (!(commit instanceof DefaultKafkaManualCommit record)) {
            throw new IllegalStateException("the consumer needs camel-kafka's own manual commits (no "
                                            + "kafkaManualCommitFactory), not " + commit.getClass().getName());
        }
        return record;
    }
}
