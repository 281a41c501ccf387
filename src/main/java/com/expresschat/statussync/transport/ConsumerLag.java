package com.expresschat.statussync.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Consumer lag of the product's consumer groups: per watched group and topic, the records on the topic that the group
 * has not committed yet (end offset minus committed offset, per partition). Asked of the brokers with the admin client
 * on a schedule (statussync.kafka.lag-interval), so a scrape or a health call only reads the last figures. The group's
 * lag is the same seen from every instance: it counts what the whole group still has to do.
 * Metrics: {@code statussync_kafka_consumer_lag} (summed over partitions) and
 * {@code statussync_kafka_consumer_lag_max_partition}, both NaN while the brokers cannot be asked.
 */
public class ConsumerLag implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLag.class);

    /** A consumer group of the product and the topic it consumes. */
    public record Watched(String group, String topic) {
    }

    /** The lag of one watched group at one moment: summed, and of its partition that lags most. */
    public record Figure(long total, long maxPartition, Instant at) {

        /** The figure from per-partition lags. */
        static Figure of(Collection<Long> partitionLags, Instant at) {
            return new Figure(partitionLags.stream().mapToLong(Long::longValue).sum(),
                    partitionLags.stream().mapToLong(Long::longValue).max().orElse(0), at);
        }
    }

    private final Supplier<Admin> admin;
    private final List<Watched> watched;
    private final Clock clock;
    private final Map<Watched, Figure> figures = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> schedule;

    public ConsumerLag(Supplier<Admin> admin, List<Watched> watched, Clock clock, MeterRegistry registry) {
        this.admin = admin;
        this.watched = List.copyOf(watched);
        this.clock = clock;
        for (Watched w : this.watched) {
            Gauge.builder("statussync_kafka_consumer_lag", () -> figure(w).map(f -> (double) f.total()).orElse(Double.NaN))
                    .description("Records on the topic the consumer group has not committed yet, summed over its "
                                 + "partitions (NaN while the brokers cannot be asked)")
                    .tag("group", w.group()).tag("topic", w.topic())
                    .register(registry);
            Gauge.builder("statussync_kafka_consumer_lag_max_partition",
                    () -> figure(w).map(f -> (double) f.maxPartition()).orElse(Double.NaN))
                    .description("Lag of the consumer group's partition that lags most (NaN while the brokers cannot "
                                 + "be asked)")
                    .tag("group", w.group()).tag("topic", w.topic())
                    .register(registry);
        }
    }

    public List<Watched> watched() {
        return watched;
    }

    /** The last figure of a watched group; empty before the first one, or when the brokers could not be asked. */
    public Optional<Figure> figure(Watched w) {
        return Optional.ofNullable(figures.get(w));
    }

    /** Asks the brokers every {@code every}, on {@code executor} (the first time at once). */
    public void schedule(ScheduledExecutorService executor, Duration every) {
        schedule = executor.scheduleWithFixedDelay(this::refresh, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks the brokers for each watched group's lag; a group that cannot be measured has no figure until it can. */
    public void refresh() {
        for (Watched w : watched) {
            try {
                figures.put(w, Figure.of(measure(w).values(), clock.instant()));
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                figures.remove(w);
                LOG.debug("Consumer lag of group {} on {} not measured: {}", w.group(), w.topic(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Lag per partition of the watched group's topic; none while the topic does not exist (nothing was published). */
    Map<TopicPartition, Long> measure(Watched w) throws ExecutionException, TimeoutException, InterruptedException {
        Admin client = admin.get();
        List<TopicPartition> partitions;
        try {
            partitions = client.describeTopics(List.of(w.topic())).allTopicNames()
                    .get(BrokerAdmin.TIMEOUT_MS, TimeUnit.MILLISECONDS).get(w.topic()).partitions().stream()
                    .map(p -> new TopicPartition(w.topic(), p.partition())).toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Map.of();
            }
            throw e;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(w.group())
                .partitionsToOffsetAndMetadata().get(BrokerAdmin.TIMEOUT_MS, TimeUnit.MILLISECONDS);
        return lagByPartition(offsets(client, partitions, OffsetSpec.latest()),
                offsets(client, partitions, OffsetSpec.earliest()), committed);
    }

    /**
     * Per partition: its end offset minus the group's committed offset; a partition the group has committed nothing on
     * lags by all the records it still holds (the consumers start there: autoOffsetReset=earliest).
     */
    static Map<TopicPartition, Long> lagByPartition(Map<TopicPartition, Long> end, Map<TopicPartition, Long> earliest,
            Map<TopicPartition, OffsetAndMetadata> committed) {
        Map<TopicPartition, Long> lag = new HashMap<>();
        end.forEach((partition, endOffset) -> {
            OffsetAndMetadata commit = committed.get(partition);
            long from = commit != null ? commit.offset() : earliest.getOrDefault(partition, 0L);
            lag.put(partition, Math.max(0, endOffset - from));
        });
        return lag;
    }

    private static Map<TopicPartition, Long> offsets(Admin client, List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, TimeoutException, InterruptedException {
        Map<TopicPartition, ListOffsetsResultInfo> answer = client.listOffsets(partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> spec))).all()
                .get(BrokerAdmin.TIMEOUT_MS, TimeUnit.MILLISECONDS);
        return answer.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
