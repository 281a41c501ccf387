package com.expresschat.statussync.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Consumer lag from offsets: end offset minus committed, per partition; a partition without a commit lags by all it
 * holds; the gauges are NaN until the brokers have answered, and again once they cannot be asked.
 * (Against a real broker: KafkaScaleOutIT, lag above 0 with a backlog and 0 once every input is done.)
 */
class ConsumerLagTest {

    static final TopicPartition P0 = new TopicPartition("batches", 0);
    static final TopicPartition P1 = new TopicPartition("batches", 1);
    static final TopicPartition P2 = new TopicPartition("batches", 2);
    static final ConsumerLag.Watched WORKERS = new ConsumerLag.Watched("workers", "batches");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void lagIsEndMinusCommittedAndAllThatIsLeftWithoutACommit() {
        Map<TopicPartition, Long> lag = ConsumerLag.lagByPartition(
                Map.of(P0, 120L, P1, 40L, P2, 300L),
                Map.of(P0, 0L, P1, 0L, P2, 250L),
                Map.of(P0, new OffsetAndMetadata(100), P1, new OffsetAndMetadata(40)));

        assertThat(lag).containsExactlyInAnyOrderEntriesOf(Map.of(P0, 20L, P1, 0L, P2, 50L));
        ConsumerLag.Figure figure = ConsumerLag.Figure.of(lag.values(), CLOCK.instant());
        assertThat(figure.total()).isEqualTo(70);
        assertThat(figure.maxPartition()).isEqualTo(50);
    }

    @Test
    void aTopicWithNoPartitionsYetLagsByNothing() {
        assertThat(ConsumerLag.Figure.of(ConsumerLag.lagByPartition(Map.of(), Map.of(), Map.of()).values(),
                CLOCK.instant())).isEqualTo(new ConsumerLag.Figure(0, 0, CLOCK.instant()));
    }

    @Test
    void theGaugesAreNanWhileTheBrokersCannotBeAsked() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ConsumerLag lag = new ConsumerLag(ConsumerLagTest::noBroker, List.of(WORKERS), CLOCK, registry);

        assertThat(registry.get("statussync_kafka_consumer_lag").tag("group", "workers").tag("topic", "batches")
                .gauge().value()).isNaN();
        lag.refresh();

        assertThat(lag.figure(WORKERS)).isEmpty();
        assertThat(registry.get("statussync_kafka_consumer_lag").gauge().value()).isNaN();
        assertThat(registry.get("statussync_kafka_consumer_lag_max_partition").gauge().value()).isNaN();
    }

    private static Admin noBroker() {
        throw new KafkaException("no broker here");
    }
}
