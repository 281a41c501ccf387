package com.expresschat.statussync.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.BrokerProcess;
import com.expresschat.statussync.support.KafkaBroker;

/**
 * §9 "The broker itself restarted mid-run": two instances of the packaged jar on a broker of this test's own
 * ({@link BrokerProcess}, its own port and data), express-chat played by WireMock. While batches are being delivered
 * the broker is killed with SIGKILL, kept down for a moment and started again on the same port and data. The
 * instances are not touched: their producers and consumers reconnect by themselves.
 * <ul>
 * <li>During the outage, readiness names the unreachable broker (503).</li>
 * <li>Delivery resumes by itself, every ID reaches express-chat at least once, every input gets a complete DELIVERED
 * receipt, nothing is in error/.</li>
 * <li>Batches sent twice are bounded by what the outage can catch in flight ({@link #DUPLICATE_BOUND}).</li>
 * </ul>
 */
class KafkaBrokerRestartIT extends KafkaFleetSupport {

    static final int FILES = 20;
    static final int IDS_PER_FILE = 500;
    static final int BATCHES_PER_FILE = IDS_PER_FILE / 100;
    static final int INSTANCES = 2;
    static final int CONCURRENCY = 2;
    /** The shipped default: a poll's outcomes are published in one send and its offsets committed once. */
    static final int MAX_POLL_RECORDS = 5;
    static final int DELAY_MS = 150;
    static final String TOKEN = "kafka-it-token-" + UUID.randomUUID();
    /**
     * A batch is sent twice when its commit does not count: each consumer thread of the group holds at most
     * max-poll-records records whose PUT is done and whose commit the outage (or the one rebalance a returning
     * coordinator may start) can refuse; and each instance's intake may have one batch record in flight whose
     * acknowledgement the kill lost, which the producer then sends again.
     */
    static final int DUPLICATE_BOUND = INSTANCES * CONCURRENCY * MAX_POLL_RECORDS + INSTANCES;
    /** From the broker's port open again to the next PUT: clients reconnect within about a second (their backoff). */
    static final Duration RESUME_BOUND = Duration.ofSeconds(30);

    @Test
    void aBrokerKilledAndRestartedMidRunLosesNothingAndDeliveryResumesByItself() throws Exception {
        BrokerProcess broker = ownBroker();
        fleet(broker.bootstrapServers(), CONCURRENCY, MAX_POLL_RECORDS, DELAY_MS);
        KafkaFleet.Instance a = start("A");
        KafkaFleet.Instance b = start("B");
        fleet.awaitInGroup(a, b);
        Map<String, List<String>> inputs = fleet.dropInputs("A", FILES, IDS_PER_FILE, 0x64c00000);

        await().atMost(KafkaBroker.PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> fleet.putCount() >= 20);
        broker.kill();
        long killed = System.nanoTime();
        int putsAtKill = fleet.putCount();
        System.out.printf("KafkaBrokerRestartIT: broker killed after %d PUTs of %d batches%n", putsAtKill,
                FILES * BATCHES_PER_FILE);
        assertThat(putsAtKill).as("the kill comes mid-run").isLessThan(FILES * BATCHES_PER_FILE);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> fleet.readiness(a).statusCode() == 503);
        assertThat(fleet.readiness(a).body()).contains("Kafka brokers " + broker.bootstrapServers() + " not reachable");
        int putsWhileDown = fleet.putCount();
        long unready = System.nanoTime();

        broker.start();
        long restarted = System.nanoTime();
        System.out.printf("KafkaBrokerRestartIT: readiness 503 %.1f s after the kill; the broker down %.1f s "
                          + "(its restart %.1f s)%n", (unready - killed) / 1e9, (restarted - killed) / 1e9,
                (restarted - unready) / 1e9);
        await().atMost(RESUME_BOUND).pollInterval(Duration.ofMillis(50))
                .until(() -> fleet.putCount() > putsWhileDown);
        Duration resumedAfter = Duration.ofNanos(System.nanoTime() - restarted);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> fleet.allCollected("A", FILES));
        System.out.printf("KafkaBrokerRestartIT: %d PUTs while the broker was down; first PUT %.1f s after its "
                          + "restart, all %d receipts %.1f s after it; consumed %s%n", putsWhileDown - putsAtKill,
                resumedAfter.toMillis() / 1e3, FILES, (System.nanoTime() - restarted) / 1e9, fleet.consumedBy(a, b));

        assertThat(a.process().isAlive() && b.process().isAlive()).as("no instance restarted").isTrue();
        fleet.assertAllReceived(inputs);
        fleet.assertAllDelivered(inputs.keySet(), IDS_PER_FILE, BATCHES_PER_FILE);
        await().atMost(Duration.ofSeconds(10)).until(() -> fleet.readiness(a).statusCode() == 200);

        int duplicates = fleet.assertSentTwiceAtMost(FILES * BATCHES_PER_FILE, DUPLICATE_BOUND);
        System.out.printf("KafkaBrokerRestartIT: %d PUTs for %d batches: %d sent twice (bound %d)%n",
                fleet.putCount(), FILES * BATCHES_PER_FILE, duplicates, DUPLICATE_BOUND);
    }

    private KafkaFleet.Instance start(String id) throws Exception {
        return fleet.start(id, List.of(), Map.of("EXPRESS_CHAT_TOKEN", TOKEN));
    }
}
