package com.expresschat.statussync.support;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The real Kafka broker the Kafka ITs run against: the one whose address {@code STATUSSYNC_TEST_KAFKA} names
 * (.ci/run starts it before {@code mvn verify}), otherwise one started here through deploy/kafka/start-broker.sh,
 * once per JVM, on a free port with its data under target/, and stopped by its pid when the JVM exits
 * ({@link BrokerProcess}). So that {@code mvn -B verify} works on a fresh machine without .ci/run too.
 */
public final class KafkaBroker {

    /** The environment variable that names a running broker (host:port). */
    public static final String ADDRESS_VARIABLE = "STATUSSYNC_TEST_KAFKA";

    private static String bootstrapServers;

    private KafkaBroker() {
    }

    /** The broker's bootstrap address (host:port), starting it on first use when none is given. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            String given = System.getenv(ADDRESS_VARIABLE);
            bootstrapServers = given != null && !given.isBlank() ? given.trim() : start();
        }
        return bootstrapServers;
    }

    private static String start() {
        Path data = Path.of("target", "kafka-broker-" + ProcessHandle.current().pid());
        return BrokerProcess.start(data).stopOnExit().bootstrapServers();
    }

    /** How long a test waits for what the broker carries (consumer group joins included). */
    public static final Duration PATIENCE = Duration.ofSeconds(120);
}
