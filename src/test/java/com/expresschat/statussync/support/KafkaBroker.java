package com.expresschat.statussync.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.test.AvailablePortFinder;

/**
 * The real Kafka broker the Kafka ITs run against: the one whose address {@code STATUSSYNC_TEST_KAFKA} names
 * (.ci/run starts it before {@code mvn verify}), otherwise one started here through deploy/kafka/start-broker.sh,
 * once per JVM, on a free port with its data under target/, and stopped by its pid when the JVM exits. So that
 * {@code mvn -B verify} works on a fresh machine without .ci/run too.
 */
public final class KafkaBroker {

    /** The environment variable that names a running broker (host:port). */
    public static final String ADDRESS_VARIABLE = "STATUSSYNC_TEST_KAFKA";
    static final Path SCRIPTS = Path.of("deploy", "kafka");

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
        int port = AvailablePortFinder.getNextAvailable();
        Path data = Path.of("target", "kafka-broker-" + port).toAbsolutePath();
        try {
            Path output = Files.createDirectories(data).resolve("start.out");
            Process start = new ProcessBuilder(List.of("bash", SCRIPTS.resolve("start-broker.sh").toString(),
                    "--port", String.valueOf(port), "--data", data.toString()))
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!start.waitFor(5, TimeUnit.MINUTES) || start.exitValue() != 0) {
                start.destroyForcibly();
                throw new IllegalStateException("the test broker did not start:\n"
                                                + Files.readString(output, StandardCharsets.UTF_8));
            }
            long pid = Long.parseLong(Files.readString(data.resolve("broker.pid")).trim());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(pid), "kafka-broker-stop"));
            List<String> lines = Files.readAllLines(output);
            return lines.get(lines.size() - 1).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test broker: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the test broker started", e);
        }
    }

    /** TERM, then KILL after a bound: the broker must not outlive the test JVM. */
    private static void stop(long pid) {
        ProcessHandle.of(pid).ifPresent(broker -> {
            broker.destroy();
            try {
                broker.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                broker.destroyForcibly();
            }
        });
    }

    /** How long a test waits for what the broker carries (consumer group joins included). */
    public static final Duration PATIENCE = Duration.ofSeconds(120);
}
