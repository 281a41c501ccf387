package com.expresschat.statussync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.test.AvailablePortFinder;

/**
 * A single-node Kafka broker started through deploy/kafka/start-broker.sh, as its own process (never in the tests'
 * JVM: kafka-clients 4.x vs camel-kafka's 3.9.1), with its data in a folder of its own. It can be stopped, killed and
 * started again on the same port and data, as an operator restarts a broker.
 */
public final class BrokerProcess implements AutoCloseable {

    static final Path SCRIPTS = Path.of("deploy", "kafka");

    private final int port;
    private final Path data;
    private long pid;

    private BrokerProcess(int port, Path data) {
        this.port = port;
        this.data = data;
    }

    /** Starts a broker on a free port (the controller takes the next one) with its data under {@code data}. */
    public static BrokerProcess start(Path data) {
        BrokerProcess broker = new BrokerProcess(freePortPair(), data.toAbsolutePath());
        broker.start();
        return broker;
    }

    /** The bootstrap address, host:port. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public long pid() {
        return pid;
    }

    public boolean isAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Starts the broker (again) on its port and data; returns once its port is open. */
    public void start() {
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
            pid = Long.parseLong(Files.readString(data.resolve("broker.pid")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test broker", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the test broker started", e);
        }
    }

    /** SIGKILL: the broker crashes; returns once it is gone. */
    public void kill() {
        end(true);
    }

    /** SIGTERM (SIGKILL after 30 s): a controlled shutdown. */
    public void stop() {
        end(false);
    }

    private void end(boolean kill) {
        ProcessHandle.of(pid).ifPresent(broker -> {
            if (kill) {
                broker.destroyForcibly();
            } else {
                broker.destroy();
            }
            try {
                broker.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                broker.destroyForcibly();
                broker.onExit().join();
            }
        });
        try {
            Files.deleteIfExists(data.resolve("broker.pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (isAlive()) {
            stop();
        }
    }

    /** A shutdown hook that stops the broker, so that it never outlives the tests' JVM. */
    public BrokerProcess stopOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "kafka-broker-stop"));
        return this;
    }

    /** How long a restart may take, port open again (the broker recovers its log first). */
    public static final Duration RESTART = Duration.ofSeconds(60);

    /** A free port whose next port is free too (the broker's controller listens there). */
    private static int freePortPair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = AvailablePortFinder.getNextAvailable();
            try (ServerSocket controller = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no two adjacent free ports for a test broker");
    }
}
