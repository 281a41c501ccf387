package com.expresschat.statussync.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualSyncCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * KafkaCommit: a poll's records are committed together, in one commitSync of the next offset of each partition the
 * poll touched, only when the route says the poll's outcomes are durable; the worker's held outcomes are the records
 * of one send, each with its own key; a poll cut short (a new consumer, or offsets taken again) commits nothing of
 * itself. Kafka's own MockConsumer stands for the consumer camel-kafka hands the route, and records what is committed.
 */
class KafkaCommitTest {

    private static final TopicPartition P0 = new TopicPartition("batches", 0);
    private static final TopicPartition P1 = new TopicPartition("batches", 1);

    private final KafkaCommit commits = new KafkaCommit();
    private final CamelContext context = new DefaultCamelContext();
    private MockConsumer<Object, Object> consumer;

    @BeforeEach
    void consumer() {
        consumer = consumerOf(P0, P1);
    }

    private static MockConsumer<Object, Object> consumerOf(TopicPartition... partitions) {
        MockConsumer<Object, Object> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        consumer.assign(List.of(partitions));
        return consumer;
    }

    /** The handle camel-kafka puts on a record's exchange (allowManualCommit=true, no commit factory). */
    private static KafkaManualCommit handle(MockConsumer<Object, Object> consumer, TopicPartition partition,
            long offset) {
        return new DefaultKafkaManualSyncCommit(
                new KafkaManualCommitFactory.CamelExchangePayload(null, consumer, "thread-1", null),
                new KafkaManualCommitFactory.KafkaRecordPayload(partition, offset, 5000), null);
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(MockConsumer<Object, Object> consumer) {
        return consumer.committed(Set.of(P0, P1));
    }

    @Test
    void aPollIsCommittedOnceAtTheNextOffsetOfEachPartitionItTouched() {
        commits.done(handle(consumer, P0, 10));
        commits.done(handle(consumer, P1, 3));
        commits.done(handle(consumer, P0, 11));
        assertThat(committed(consumer)).as("nothing before the poll's commit").isEmpty();

        commits.commit();

        assertThat(committed(consumer)).containsEntry(P0, new OffsetAndMetadata(12))
                .containsEntry(P1, new OffsetAndMetadata(4));
    }

    @Test
    void theNextPollStartsEmpty() {
        commits.done(handle(consumer, P0, 10));
        commits.commit();
        commits.done(handle(consumer, P1, 7));
        commits.commit();

        assertThat(committed(consumer)).containsEntry(P0, new OffsetAndMetadata(11))
                .containsEntry(P1, new OffsetAndMetadata(8));
        assertThat(commits.held()).isEmpty();
    }

    @Test
    void theWorkersOutcomesAreHeldForOneSendEachWithItsKey() {
        commits.hold("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "run-a", handle(consumer, P0, 1), context);
        commits.hold("{\"b\":2}".getBytes(StandardCharsets.UTF_8), "run-b", handle(consumer, P1, 5), context);

        List<Message> held = commits.held();

        assertThat(held).extracting(m -> new String(m.getBody(byte[].class), StandardCharsets.UTF_8))
                .containsExactly("{\"a\":1}", "{\"b\":2}");
        assertThat(held).extracting(m -> m.getHeader(KafkaConstants.KEY)).containsExactly("run-a", "run-b");
        assertThat(held).allSatisfy(m -> assertThat(m.getHeaders()).containsOnlyKeys(KafkaConstants.KEY));
        assertThat(committed(consumer)).as("held is not committed").isEmpty();

        commits.commit();
        assertThat(committed(consumer)).containsEntry(P0, new OffsetAndMetadata(2))
                .containsEntry(P1, new OffsetAndMetadata(6));
    }

    @Test
    void aPollCutShortByANewConsumerCommitsNothingOfItself() {
        commits.hold("{}".getBytes(StandardCharsets.UTF_8), "run-a", handle(consumer, P0, 10), context);
        commits.done(handle(consumer, P1, 20));
        // camel-kafka made a new consumer after a failure; it starts again from the last commit
        MockConsumer<Object, Object> again = consumerOf(P0, P1);
        commits.done(handle(again, P0, 10));
        commits.commit();

        assertThat(committed(consumer)).isEmpty();
        assertThat(committed(again)).containsEntry(P0, new OffsetAndMetadata(11)).doesNotContainKey(P1);
        assertThat(commits.held()).isEmpty();
    }

    @Test
    void aPollCutShortByOffsetsTakenAgainCommitsNothingOfItself() {
        commits.done(handle(consumer, P0, 10));
        commits.done(handle(consumer, P1, 20));
        // the same consumer at an offset it had passed: the poll before did not end
        commits.done(handle(consumer, P0, 9));
        commits.commit();

        assertThat(committed(consumer)).containsEntry(P0, new OffsetAndMetadata(10)).doesNotContainKey(P1);
    }

    @Test
    void aRecordNotOfOursIsCommittedWithItsPoll() {
        commits.done(handle(consumer, P0, 4));
        commits.skip("batches", 0, 5L, handle(consumer, P0, 5), new IllegalArgumentException("not JSON"));
        commits.commit();

        assertThat(committed(consumer)).containsEntry(P0, new OffsetAndMetadata(6));
    }

    @Test
    void aCommitWithNothingDoneCommitsNothing() {
        commits.commit();

        assertThat(committed(consumer)).isEmpty();
    }

    @Test
    void aConsumerWithoutManualCommitsIsNamed() {
        assertThatThrownBy(() -> commits.done(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("allowManualCommit=true");
        assertThatThrownBy(() -> commits.done(() -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kafkaManualCommitFactory");
    }
}
