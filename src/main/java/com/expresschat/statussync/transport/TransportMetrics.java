package com.expresschat.statussync.transport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The Kafka transport's metrics, per instance: batches published by its intakes, consumed by its workers, outcomes collected. */
public class TransportMetrics {

    private final MeterRegistry registry;
    private final Counter published;
    private final Counter collected;

    public TransportMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.published = Counter.builder("statussync_kafka_batches_published_total")
                .description("Batches this instance's intakes published to the batches topic (acknowledged by the broker)")
                .register(registry);
        this.collected = Counter.builder("statussync_kafka_outcomes_collected_total")
                .description("Batch outcomes this instance's collector recorded in an input's journal")
                .register(registry);
    }

    void published(int batches) {
        published.increment(batches);
    }

    /** A batch this instance's worker delivered or dead-lettered, by its result. */
    void consumed(String result) {
        Counter.builder("statussync_kafka_batches_consumed_total")
                .description("Batches this instance's workers took from the batches topic, by their result")
                .tag("result", result)
                .register(registry).increment();
    }

    void collected() {
        collected.increment();
    }
}
