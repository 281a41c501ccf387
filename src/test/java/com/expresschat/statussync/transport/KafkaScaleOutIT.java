package com.expresschat.statussync.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.support.AppProcess;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.KafkaBroker;
import com.expresschat.statussync.support.RunFolders;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * §9 on real processes: two instances of the packaged jar (prod profile, statussync.transport=kafka) on one real
 * broker, express-chat played by WireMock with a fixed delay. done/, error/ and the journal are shared by the two
 * instances; each has its own inbox, and every file is dropped into instance A's.
 * <ol>
 * <li>Both instances deliver: each one's metrics count batches its workers consumed, and the receipts name both as
 * the instances that delivered batches.</li>
 * <li>Instance B is killed with SIGKILL while batches are being delivered and started again: every ID reaches
 * express-chat at least once, every input has a complete DELIVERED receipt, nothing is in error/, and the batches
 * sent twice are bounded by what can be in flight: one record per consumer thread of the killed worker, plus one per
 * consumer thread of the group for each of the (at most two) rebalances the kill and the restart cause (a commit
 * that a rebalance refuses makes the record be taken again).</li>
 * </ol>
 */
class KafkaScaleOutIT {

    static final int FILES = 40;
    static final int IDS_PER_FILE = 2_000;
    static final int BATCHES_PER_FILE = IDS_PER_FILE / 100;
    static final int CONCURRENCY = 2;
    static final int MAX_POLL_RECORDS = 1;
    static final int DELAY_MS = 40;
    static final String TOKEN = "kafka-it-token-" + UUID.randomUUID();
    /** Killed worker's in-flight records, plus every consumer thread once per rebalance (kill, restart). */
    static final int DUPLICATE_BOUND = CONCURRENCY * MAX_POLL_RECORDS + 2 * (2 * CONCURRENCY * MAX_POLL_RECORDS);

    @TempDir
    Path root;

    private WireMockServer expressChat;
    private final List<AppProcess> processes = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopAll() throws Exception {
        for (AppProcess process : processes) {
            if (process.isAlive()) {
                process.close();
            }
        }
        if (expressChat != null) {
            expressChat.stop();
        }
    }

    @Test
    void twoInstancesDeliverAndAKilledWorkerLosesNothing() throws Exception {
        expressChat = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(32));
        expressChat.start();
        expressChat.stubFor(ExpressChatStub.statusUpdate()
                .willReturn(okJson("{\"updated\":true}").withFixedDelay(DELAY_MS)));
        Path shared = root.resolve("shared");
        Path inboxA = Files.createDirectories(root.resolve("a-inbox"));
        Files.createDirectories(root.resolve("b-inbox"));
        Files.createDirectories(root.resolve("logs"));

        Instance a = start("A", inboxA, shared);
        Instance b = start("B", root.resolve("b-inbox"), shared);
        a.process.awaitStarted(Duration.ofSeconds(90));
        b.process.awaitStarted(Duration.ofSeconds(90));
        // both workers are in the group before anything is published
        await().atMost(KafkaBroker.PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> assignedBatches(a) && assignedBatches(b));

        Map<String, List<String>> inputs = new HashMap<>();
        for (int f = 0; f < FILES; f++) {
            String name = "users-" + f + ".txt";
            inputs.put(name, writeInput(inboxA, name, f));
        }

        // 1. both instances deliver; 2. B is killed while batches are in flight ...
        await().atMost(KafkaBroker.PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> consumed(b) >= 3 * BATCHES_PER_FILE && consumed(a) > 0);
        double consumedByBBeforeKill = consumed(b);
        int requestsAtKill = requestCount();
        b.process.kill();
        System.out.printf("KafkaScaleOutIT: B killed after consuming %.0f batches; %d PUTs so far of %d batches%n",
                consumedByBBeforeKill, requestsAtKill, FILES * BATCHES_PER_FILE);
        assertThat(requestsAtKill).as("the kill comes mid-run").isLessThan(FILES * BATCHES_PER_FILE);

        // ... and started again
        Instance again = start("B", root.resolve("b-inbox"), shared);
        again.process.awaitStarted(Duration.ofSeconds(90));
        long t0 = System.nanoTime();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                .until(() -> RunFolders.receipts(shared.resolve("done")).size() == FILES && inboxEmpty(inboxA));
        System.out.printf("KafkaScaleOutIT: all %d receipts %.1f s after B's restart; A consumed %.0f, B (restarted) "
                          + "%.0f batches%n", FILES, (System.nanoTime() - t0) / 1e9, consumed(a), consumed(again));

        Map<String, Integer> received = RunFolders.receivedIdCounts(expressChat);
        Set<String> deliveredBy = new HashSet<>();
        for (Map.Entry<String, List<String>> input : inputs.entrySet()) {
            assertThat(input.getValue()).as(input.getKey() + ": every ID accepted at least once")
                    .allMatch(received::containsKey);
            deliveredBy.addAll(assertDelivered(shared.resolve("done"), input.getKey()));
        }
        assertThat(deliveredBy).as("instances named in the receipts").containsExactlyInAnyOrder("A", "B");
        assertThat(RunFolders.listFiles(shared.resolve("error"))).as("nothing dead-lettered").isEmpty();
        assertThat(RunFolders.listFiles(shared.resolve("journal"))).as("no input left uncollected")
                .allMatch(name -> name.endsWith(CollectorJournals.COMPLETED)).hasSize(FILES);

        Map<String, Integer> perRequestId = new HashMap<>();
        expressChat.findAll(putRequestedFor(urlEqualTo(ExpressChatStub.PATH)))
                .forEach(r -> perRequestId.merge(r.getHeader("X-Request-Id"), 1, Integer::sum));
        int duplicates = perRequestId.values().stream().mapToInt(n -> n - 1).sum();
        System.out.printf("KafkaScaleOutIT: %d PUTs for %d batches: %d sent twice (bound %d)%n", requestCount(),
                perRequestId.size(), duplicates, DUPLICATE_BOUND);
        assertThat(perRequestId).hasSize(FILES * BATCHES_PER_FILE);
        assertThat(duplicates).as("batches sent twice").isLessThanOrEqualTo(DUPLICATE_BOUND);
    }

    // --- the instances

    private record Instance(AppProcess process, int port) {
    }

    private Instance start(String id, Path inbox, Path shared) throws IOException {
        int port = AvailablePortFinder.getNextAvailable();
        List<String> options = new ArrayList<>(AppProcess.prodOptions("256m",
                expressChat.baseUrl() + ExpressChatStub.PATH, shared));
        options.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dcamel.server.port=" + port,
                "-Dstatussync.inbox-dir=" + inbox,
                "-Dstatussync.file.stable-for=300ms", "-Dstatussync.file.poll-interval=200ms",
                "-Dstatussync.delivery.concurrency=" + CONCURRENCY,
                "-Dstatussync.transport=kafka",
                "-Dstatussync.instance-id=" + id,
                "-Dstatussync.kafka.bootstrap-servers=" + KafkaBroker.bootstrapServers(),
                "-Dstatussync.kafka.batches-topic=batches-" + run,
                "-Dstatussync.kafka.outcomes-topic=outcomes-" + run,
                "-Dstatussync.kafka.group-id=workers-" + run,
                "-Dstatussync.kafka.collector-group-id=collectors-" + run,
                "-Dstatussync.kafka.journal-dir=" + shared.resolve("journal"),
                "-Dstatussync.kafka.max-poll-records=" + MAX_POLL_RECORDS,
                // the broker's smallest: a killed instance's partitions move within 6 s
                "-Dstatussync.kafka.session-timeout-ms=6000"));
        AppProcess process = AppProcess.start(options, Map.of("EXPRESS_CHAT_TOKEN", TOKEN),
                root.resolve("logs").resolve(id + "-" + (processes.size() + 1) + ".log"));
        processes.add(process);
        return new Instance(process, port);
    }

    /** The instance's workers hold partitions of the batches topic (its log names them). */
    private boolean assignedBatches(Instance instance) throws IOException {
        return instance.process.output().lines()
                .anyMatch(l -> l.contains("Adding newly assigned partitions") && l.contains("batches-" + run));
    }

    /** statussync_kafka_batches_consumed_total of the instance, all results. */
    private double consumed(Instance instance) throws Exception {
        HttpResponse<Stream<String>> metrics = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + instance.port + "/observe/metrics")).build(),
                HttpResponse.BodyHandlers.ofLines());
        return metrics.body().filter(l -> l.startsWith("statussync_kafka_batches_consumed_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private int requestCount() {
        return expressChat.countRequestsMatching(ExpressChatStub.statusUpdate().build().getRequest()).getCount();
    }

    // --- inputs, receipts, folders

    private static List<String> writeInput(Path inbox, String name, int seed) throws IOException {
        return RunFolders.writeInput(inbox, name, IDS_PER_FILE, 0x64b00000 + seed);
    }

    /** A complete DELIVERED receipt beside the archived input; returns the instances that delivered its batches. */
    private static Set<String> assertDelivered(Path done, String name) throws IOException {
        assertThat(done.resolve(name)).as(name + " archived").exists();
        JsonNode receipt = ExpressChatStub.read(Files.readString(done.resolve(name + ".receipt.json")));
        assertThat(receipt.path("outcome").asText()).as(name + " outcome").isEqualTo("DELIVERED");
        JsonNode counts = receipt.path("counts");
        assertThat(counts.path("rows").asLong()).isEqualTo(IDS_PER_FILE);
        assertThat(counts.path("delivered").asLong()).isEqualTo(IDS_PER_FILE);
        assertThat(counts.path("deadLettered").asLong()).isZero();
        assertThat(counts.path("batches").asInt()).isEqualTo(BATCHES_PER_FILE);
        assertThat(receipt.path("batches")).hasSize(BATCHES_PER_FILE);
        Set<String> instances = new HashSet<>();
        receipt.path("batches").forEach(batch -> {
            assertThat(batch.path("result").asText()).isEqualTo("DELIVERED");
            instances.add(batch.path("deliveredBy").asText());
        });
        return instances;
    }

    private static boolean inboxEmpty(Path inbox) {
        return RunFolders.listFiles(inbox).stream().noneMatch(n -> n.endsWith(".txt"));
    }
}
