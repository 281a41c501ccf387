package com.expresschat.statussync.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.KafkaBroker;

/**
 * §9 on real processes: two instances of the packaged jar (prod profile, statussync.transport=kafka) on one real
 * broker, express-chat played by WireMock with a fixed delay ({@link KafkaFleet}). done/, error/ and the journal are
 * shared by the two instances; each has its own inbox, and every file is dropped into instance A's.
 * <ol>
 * <li>Both instances deliver: each one's metrics count batches its workers consumed, and the receipts name both as
 * the instances that delivered batches.</li>
 * <li>Instance B is killed with SIGKILL while batches are being delivered and started again: every ID reaches
 * express-chat at least once, every input has a complete DELIVERED receipt, nothing is in error/, and the batches
 * sent twice are bounded by what can be in flight: one poll (max-poll-records records, committed together) per
 * consumer thread of the killed worker, plus one poll per consumer thread of the group for each of the (at most two)
 * rebalances the kill and the restart cause (a commit that a rebalance refuses makes the poll be taken again).</li>
 * <li>Consumer lag in the metrics: the workers' group lags on the batches topic while files are being delivered, and
 * neither group lags once every input is done.</li>
 * </ol>
 */
class KafkaScaleOutIT extends KafkaFleetSupport {

    static final int FILES = 50;
    static final int IDS_PER_FILE = 2_000;
    static final int BATCHES_PER_FILE = IDS_PER_FILE / 100;
    static final int CONCURRENCY = 2;
    /** The shipped default: a poll's outcomes are published in one send and its offsets committed once. */
    static final int MAX_POLL_RECORDS = 5;
    static final int DELAY_MS = 40;
    static final String TOKEN = "kafka-it-token-" + UUID.randomUUID();
    /** Killed worker's uncommitted polls, plus every consumer thread's poll once per rebalance (kill, restart). */
    static final int DUPLICATE_BOUND = CONCURRENCY * MAX_POLL_RECORDS + 2 * (2 * CONCURRENCY * MAX_POLL_RECORDS);

    @Test
    void twoInstancesDeliverAndAKilledWorkerLosesNothing() throws Exception {
        fleet(CONCURRENCY, MAX_POLL_RECORDS, DELAY_MS);
        KafkaFleet.Instance a = start("A");
        KafkaFleet.Instance b = start("B");
        // both workers are in the group before anything is published
        fleet.awaitInGroup(a, b);

        Map<String, List<String>> inputs = fleet.dropInputs("A", FILES, IDS_PER_FILE, 0x64b00000);

        // 3. a backlog shows as lag of the workers' group (the group's lag: A's metrics count B's commits too)
        double backlog = await().atMost(KafkaBroker.PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> fleet.lag(a, fleet.batchesTopic()), l -> l > 0);
        System.out.printf("KafkaScaleOutIT: lag of the workers' group with a backlog: %.0f batches%n", backlog);

        // 1. both instances deliver; 2. B is killed while batches are in flight ...
        await().atMost(KafkaBroker.PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> fleet.consumed(b) >= 3 * BATCHES_PER_FILE && fleet.consumed(a) > 0);
        double consumedByBBeforeKill = fleet.consumed(b);
        int requestsAtKill = fleet.putCount();
        b.process().kill();
        System.out.printf("KafkaScaleOutIT: B killed after consuming %.0f batches; %d PUTs so far of %d batches%n",
                consumedByBBeforeKill, requestsAtKill, FILES * BATCHES_PER_FILE);
        assertThat(requestsAtKill).as("the kill comes mid-run").isLessThan(FILES * BATCHES_PER_FILE);

        // ... and started again
        KafkaFleet.Instance again = start("B");
        again.process().awaitStarted(Duration.ofSeconds(90));
        long t0 = System.nanoTime();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                .until(() -> fleet.allCollected("A", FILES));
        System.out.printf("KafkaScaleOutIT: all %d receipts %.1f s after B's restart; consumed %s%n", FILES,
                (System.nanoTime() - t0) / 1e9, fleet.consumedBy(a, again));

        // 3. ... and no lag once every input is done, seen from both instances
        for (KafkaFleet.Instance instance : List.of(a, again)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> fleet.lag(instance, fleet.batchesTopic()) == 0
                                 && fleet.lag(instance, fleet.outcomesTopic()) == 0);
        }

        fleet.assertAllReceived(inputs);
        Set<String> deliveredBy = fleet.assertAllDelivered(inputs.keySet(), IDS_PER_FILE, BATCHES_PER_FILE);
        assertThat(deliveredBy).as("instances named in the receipts").containsExactlyInAnyOrder("A", "B");

        int duplicates = fleet.assertSentTwiceAtMost(FILES * BATCHES_PER_FILE, DUPLICATE_BOUND);
        System.out.printf("KafkaScaleOutIT: %d PUTs for %d batches: %d sent twice (bound %d)%n", fleet.putCount(),
                FILES * BATCHES_PER_FILE, duplicates, DUPLICATE_BOUND);
    }

    private KafkaFleet.Instance start(String id) throws Exception {
        return fleet.start(id, List.of("-Dstatussync.kafka.lag-interval=500ms"), Map.of("EXPRESS_CHAT_TOKEN", TOKEN));
    }
}
