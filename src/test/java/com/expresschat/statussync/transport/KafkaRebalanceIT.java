package com.expresschat.statussync.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.KafkaBroker;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * §9 "A rebalance (a third instance joins mid-run) loses nothing and does not stall beyond a stated bound": two
 * instances of the packaged jar deliver; while they do, a third one starts and joins the group. Its arrival moves
 * partitions (a rebalance of the workers' group and of the collectors' group).
 * <ul>
 * <li>Nothing is lost: every ID reaches express-chat, every input has a complete DELIVERED receipt, nothing is in
 * error/.</li>
 * <li>The third instance delivers batches too (its metrics, and the receipts name it).</li>
 * <li>The longest gap between two PUTs at express-chat (WireMock's request journal) stays under
 * {@link #STALL_BOUND}.</li>
 * </ul>
 */
class KafkaRebalanceIT extends KafkaFleetSupport {

    static final int FILES = 20;
    static final int IDS_PER_FILE = 500;
    static final int BATCH_SIZE = 50;
    static final int BATCHES_PER_FILE = IDS_PER_FILE / BATCH_SIZE;
    static final int CONCURRENCY = 2;
    /** The shipped default: a poll's outcomes are published in one send and its offsets committed once. */
    static final int MAX_POLL_RECORDS = 5;
    static final int DELAY_MS = 300;
    /** The consumers' heartbeat interval (camel-kafka's default heartbeatIntervalMs). */
    static final Duration HEARTBEAT = Duration.ofSeconds(3);
    /**
     * The group uses camel-kafka's default assignor (RangeAssignor, an eager rebalance): when a consumer joins, every
     * member learns it at its next heartbeat, finishes the poll in hand (max-poll-records PUTs, their outcomes in one
     * send, then one commit) and gives up all its partitions when it polls again; deliveries stop from the first
     * member's revocation until the last member has rejoined and the assignment is synced. So a stall lasts at most one
     * heartbeat interval plus one poll's processing (max-poll-records PUTs of {@link #DELAY_MS}), plus the join and
     * sync round trips and the first fetch, for which 2 s is ample on a loaded 2-core machine.
     */
    static final Duration STALL_BOUND = HEARTBEAT.plusMillis(MAX_POLL_RECORDS * DELAY_MS).plusSeconds(2);
    /**
     * A member commits each poll before its next poll, where it rejoins, so a rebalance normally refuses no commit;
     * should one be refused (a commit that meets the rebalance), the records in hand are taken again: at most one
     * per consumer thread of the group and max-poll-records, for each rebalance the join causes (one per consumer
     * thread of the third instance, should they join apart).
     */
    static final int DUPLICATE_BOUND = (3 * CONCURRENCY * MAX_POLL_RECORDS) * CONCURRENCY;
    static final String TOKEN = "kafka-it-token-" + UUID.randomUUID();

    @Test
    void aThirdInstanceJoiningMidRunLosesNothingDeliversAndStallsTheGroupOnlyBriefly() throws Exception {
        fleet(CONCURRENCY, MAX_POLL_RECORDS, DELAY_MS);
        KafkaFleet.Instance a = start("A");
        KafkaFleet.Instance b = start("B");
        fleet.awaitInGroup(a, b);
        int batches = FILES * BATCHES_PER_FILE;
        Map<String, List<String>> inputs = fleet.dropInputs("A", FILES, IDS_PER_FILE, 0x64d00000);

        await().atMost(KafkaBroker.PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> fleet.putCount() >= batches / 10);
        Instant joining = Instant.now();
        KafkaFleet.Instance c = start("C");
        await().atMost(KafkaBroker.PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> fleet.assignedWorkers(c) == CONCURRENCY);
        int putsAtJoin = fleet.putCount();
        System.out.printf("KafkaRebalanceIT: C in the group %.1f s after its start, at %d PUTs of %d batches%n",
                Duration.between(joining, Instant.now()).toMillis() / 1e3, putsAtJoin, batches);
        assertThat(putsAtJoin).as("C joins mid-run").isLessThan(batches);

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> fleet.allCollected("A", FILES));

        fleet.assertAllReceived(inputs);
        Set<String> deliveredBy = fleet.assertAllDelivered(inputs.keySet(), IDS_PER_FILE, BATCHES_PER_FILE);
        Map<String, Double> consumed = fleet.consumedBy(a, b, c);
        assertThat(consumed.get("C")).as("batches consumed by C").isPositive();
        assertThat(deliveredBy).as("instances named in the receipts").containsExactlyInAnyOrder("A", "B", "C");

        List<LoggedRequest> puts = fleet.puts();
        Gap gap = longestGap(puts);
        Gap afterJoin = longestGap(puts.stream().filter(p -> !p.getLoggedDate().toInstant().isBefore(joining))
                .toList());
        System.out.printf("KafkaRebalanceIT: consumed %s; longest gap between PUTs %d ms (bound %d ms) ending at %s; "
                          + "after C's start (%s) %d ms; A gave up its partitions %d times%n", consumed,
                gap.length().toMillis(), STALL_BOUND.toMillis(), gap.end(), joining, afterJoin.length().toMillis(),
                fleet.revocations(a));
        assertThat(gap.length()).as("longest gap between two PUTs").isLessThan(STALL_BOUND);
        assertThat(fleet.revocations(a)).as("A gave up its partitions: the join rebalanced the group").isPositive();
        int duplicates = fleet.assertSentTwiceAtMost(batches, DUPLICATE_BOUND);
        System.out.printf("KafkaRebalanceIT: %d PUTs for %d batches: %d sent twice (bound %d)%n", puts.size(), batches,
                duplicates, DUPLICATE_BOUND);
    }

    /** The longest time between two consecutive PUTs, and when it ended. */
    private record Gap(Duration length, Instant end) {
    }

    private static Gap longestGap(List<LoggedRequest> puts) {
        Gap longest = new Gap(Duration.ZERO, null);
        for (int i = 1; i < puts.size(); i++) {
            Date previous = puts.get(i - 1).getLoggedDate();
            Date next = puts.get(i).getLoggedDate();
            Duration gap = Duration.ofMillis(next.getTime() - previous.getTime());
            if (gap.compareTo(longest.length()) > 0) {
                longest = new Gap(gap, next.toInstant());
            }
        }
        return longest;
    }

    private KafkaFleet.Instance start(String id) throws Exception {
        return fleet.start(id, List.of("-Dstatussync.batch-size=" + BATCH_SIZE), Map.of("EXPRESS_CHAT_TOKEN", TOKEN));
    }
}
