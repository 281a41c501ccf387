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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.test.AvailablePortFinder;

import com.expresschat.statussync.support.AppProcess;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.KafkaBroker;
import com.expresschat.statussync.support.RunFolders;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * What the Kafka ITs on real processes share: instances of the packaged jar (prod profile,
 * statussync.transport=kafka) in one consumer group on one real broker, express-chat played by WireMock. done/,
 * error/ and the journal are shared by the instances (under {@code root/shared}); each instance has its own inbox
 * ({@code root/<id>-inbox}). Topics and groups are new for every fleet, so fleets on one broker never meet.
 */
final class KafkaFleet implements AutoCloseable {

    private final Path root;
    private final String bootstrapServers;
    private final int concurrency;
    private final int maxPollRecords;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final WireMockServer expressChat;
    private final List<AppProcess> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    /** A fleet of workers with {@code concurrency} consumer threads each, polling {@code maxPollRecords}. */
    KafkaFleet(Path root, String bootstrapServers, int concurrency, int maxPollRecords) throws IOException {
        this.root = root;
        this.bootstrapServers = bootstrapServers;
        this.concurrency = concurrency;
        this.maxPollRecords = maxPollRecords;
        Files.createDirectories(root.resolve("logs"));
        expressChat = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(32));
        expressChat.start();
    }

    WireMockServer expressChat() {
        return expressChat;
    }

    /** express-chat accepts every PUT after {@code delayMs}. */
    void acceptAll(int delayMs) {
        expressChat.stubFor(ExpressChatStub.statusUpdate()
                .willReturn(okJson("{\"updated\":true}").withFixedDelay(delayMs)));
    }

    Path shared() {
        return root.resolve("shared");
    }

    Path done() {
        return shared().resolve("done");
    }

    Path error() {
        return shared().resolve("error");
    }

    Path inbox(String id) {
        return root.resolve(id.toLowerCase() + "-inbox");
    }

    /** An instance of the packaged jar, in the group. */
    record Instance(String id, AppProcess process, int port) {
    }

    /** Starts instance {@code id} with the fleet's options, then {@code options} (later ones win), and environment. */
    Instance start(String id, List<String> options, Map<String, String> environment) throws IOException {
        Files.createDirectories(inbox(id));
        int port = AvailablePortFinder.getNextAvailable();
        List<String> all = new ArrayList<>(AppProcess.prodOptions("256m",
                expressChat.baseUrl() + ExpressChatStub.PATH, shared()));
        all.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dcamel.server.port=" + port,
                "-Dstatussync.inbox-dir=" + inbox(id),
                "-Dstatussync.file.stable-for=300ms", "-Dstatussync.file.poll-interval=200ms",
                "-Dstatussync.delivery.concurrency=" + concurrency,
                "-Dstatussync.transport=kafka",
                "-Dstatussync.instance-id=" + id,
                "-Dstatussync.kafka.bootstrap-servers=" + bootstrapServers,
                "-Dstatussync.kafka.batches-topic=" + batchesTopic(),
                "-Dstatussync.kafka.outcomes-topic=" + outcomesTopic(),
                "-Dstatussync.kafka.group-id=workers-" + run,
                "-Dstatussync.kafka.collector-group-id=collectors-" + run,
                "-Dstatussync.kafka.journal-dir=" + shared().resolve("journal"),
                "-Dstatussync.kafka.max-poll-records=" + maxPollRecords,
                // the broker's smallest: a killed instance's partitions move within 6 s
                "-Dstatussync.kafka.session-timeout-ms=6000"));
        all.addAll(options);
        AppProcess process = AppProcess.start(all, environment,
                root.resolve("logs").resolve(id + "-" + (processes.size() + 1) + ".log"));
        processes.add(process);
        return new Instance(id, process, port);
    }

    /**
     * Waits until every instance has started and each of its worker threads holds partitions of the batches topic, so
     * that no join is left to rebalance the group once inputs are dropped.
     */
    void awaitInGroup(Instance... instances) {
        for (Instance instance : instances) {
            instance.process().awaitStarted(Duration.ofSeconds(90));
        }
        await().atMost(KafkaBroker.PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> Stream.of(instances).allMatch(i -> assignedWorkers(i) == concurrency));
    }

    /** How many of the instance's worker threads (consumers) were given partitions of the batches topic. */
    long assignedWorkers(Instance instance) {
        Pattern worker = Pattern.compile("clientId=(consumer-workers-" + run + "-\\d+)");
        return logLines(instance).filter(l -> l.contains("Adding newly assigned partitions")
                                              && l.contains(batchesTopic()))
                .map(worker::matcher).filter(Matcher::find).map(m -> m.group(1)).distinct().count();
    }

    /** How many times the instance's workers gave up or lost partitions of the batches topic: rebalances seen. */
    long revocations(Instance instance) {
        return logLines(instance).filter(l -> (l.contains("Revoke previously assigned partitions")
                                               || l.contains("Lost previously assigned partitions"))
                                              && l.contains(batchesTopic())).count();
    }

    String batchesTopic() {
        return "batches-" + run;
    }

    String outcomesTopic() {
        return "outcomes-" + run;
    }

    private static Stream<String> logLines(Instance instance) {
        try {
            return instance.process().output().lines();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the log of instance " + instance.id(), e);
        }
    }

    /** statussync_kafka_batches_consumed_total of the instance, all results. */
    double consumed(Instance instance) throws Exception {
        return metrics(instance).filter(l -> l.startsWith("statussync_kafka_batches_consumed_total"))
                .mapToDouble(KafkaFleet::value).sum();
    }

    /** statussync_kafka_consumer_lag of the group that consumes {@code topic}, as the instance's metrics show it. */
    double lag(Instance instance, String topic) throws Exception {
        return metrics(instance).filter(l -> l.startsWith("statussync_kafka_consumer_lag{")
                                             && l.contains("topic=\"" + topic + "\""))
                .mapToDouble(KafkaFleet::value).findFirst().orElse(Double.NaN);
    }

    private Stream<String> metrics(Instance instance) throws Exception {
        return http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + instance.port() + "/observe/metrics")).build(),
                HttpResponse.BodyHandlers.ofLines()).body();
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    /** The instance's readiness: status code and body. */
    HttpResponse<String> readiness(Instance instance) throws Exception {
        return http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + instance.port() + "/observe/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // --- inputs and what became of them

    /**
     * Drops {@code files} inputs {@code users-<n>.txt} of {@code idsPerFile} IDs each (distinct over the fleet's
     * inputs for distinct {@code seed}) into the instance's inbox; returns each input's IDs by name.
     */
    Map<String, List<String>> dropInputs(String id, int files, int idsPerFile, int seed) throws IOException {
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        for (int f = 0; f < files; f++) {
            String name = "users-" + f + ".txt";
            inputs.put(name, RunFolders.writeInput(inbox(id), name, idsPerFile, seed + f));
        }
        return inputs;
    }

    /** Every input has its receipt in done/, and none is left in the inbox. */
    boolean allCollected(String id, int files) {
        return RunFolders.receipts(done()).size() == files
               && RunFolders.listFiles(inbox(id)).stream().noneMatch(n -> n.endsWith(".txt"));
    }

    /** The PUTs express-chat received, in arrival order. */
    List<LoggedRequest> puts() {
        List<LoggedRequest> puts = new ArrayList<>(expressChat.findAll(putRequestedFor(urlEqualTo(ExpressChatStub.PATH))));
        puts.sort((x, y) -> x.getLoggedDate().compareTo(y.getLoggedDate()));
        return puts;
    }

    int putCount() {
        return expressChat.countRequestsMatching(ExpressChatStub.statusUpdate().build().getRequest()).getCount();
    }

    /** PUTs per X-Request-Id: how many batches express-chat got, and how many of them more than once. */
    Map<String, Integer> putsPerBatch() {
        Map<String, Integer> perRequestId = new HashMap<>();
        puts().forEach(r -> perRequestId.merge(r.getHeader("X-Request-Id"), 1, Integer::sum));
        return perRequestId;
    }

    /**
     * Each of {@code batches} batches reached express-chat (by X-Request-Id), and at most {@code bound} PUTs were
     * repeats of a batch already sent; returns how many were.
     */
    int assertSentTwiceAtMost(int batches, int bound) {
        Map<String, Integer> perBatch = putsPerBatch();
        int sentTwice = perBatch.values().stream().mapToInt(n -> n - 1).sum();
        assertThat(perBatch).as("batches sent").hasSize(batches);
        assertThat(sentTwice).as("batches sent twice (bound " + bound + ")").isLessThanOrEqualTo(bound);
        return sentTwice;
    }

    /** Every ID of every input reached express-chat at least once. */
    void assertAllReceived(Map<String, List<String>> inputs) {
        Map<String, Integer> received = RunFolders.receivedIdCounts(expressChat);
        inputs.forEach((name, ids) -> assertThat(ids).as(name + ": every ID accepted at least once")
                .allMatch(received::containsKey));
    }

    /**
     * Every input has a complete DELIVERED receipt beside its archived file, every journal is completed and nothing
     * is in error/; returns the instances the receipts name as having delivered batches.
     */
    Set<String> assertAllDelivered(Collection<String> names, int idsPerFile, int batchesPerFile) throws IOException {
        Set<String> deliveredBy = new HashSet<>();
        for (String name : names) {
            deliveredBy.addAll(assertDelivered(name, idsPerFile, batchesPerFile));
        }
        assertThat(RunFolders.listFiles(error())).as("nothing dead-lettered").isEmpty();
        assertThat(RunFolders.listFiles(shared().resolve("journal"))).as("no input left uncollected")
                .allMatch(name -> name.endsWith(CollectorJournals.COMPLETED)).hasSize(names.size());
        return deliveredBy;
    }

    /** A complete DELIVERED receipt beside the archived input; returns the instances that delivered its batches. */
    Set<String> assertDelivered(String name, int idsPerFile, int batchesPerFile) throws IOException {
        JsonNode receipt = receipt(name);
        assertThat(receipt.path("outcome").asText()).as(name + " outcome").isEqualTo("DELIVERED");
        JsonNode counts = receipt.path("counts");
        assertThat(counts.path("rows").asLong()).isEqualTo(idsPerFile);
        assertThat(counts.path("delivered").asLong()).isEqualTo(idsPerFile);
        assertThat(counts.path("deadLettered").asLong()).isZero();
        assertThat(counts.path("batches").asInt()).isEqualTo(batchesPerFile);
        assertThat(receipt.path("batches")).hasSize(batchesPerFile);
        Set<String> instances = new HashSet<>();
        receipt.path("batches").forEach(batch -> {
            assertThat(batch.path("result").asText()).isEqualTo("DELIVERED");
            instances.add(batch.path("deliveredBy").asText());
        });
        return instances;
    }

    /** The receipt beside the archived input. */
    JsonNode receipt(String name) throws IOException {
        assertThat(done().resolve(name)).as(name + " archived").exists();
        return ExpressChatStub.read(Files.readString(done().resolve(name + ".receipt.json")));
    }

    @Override
    public void close() throws Exception {
        for (AppProcess process : processes) {
            if (process.isAlive()) {
                process.close();
            }
        }
        expressChat.stop();
    }

    /** Each instance's count of batches consumed, for a progress line. */
    Map<String, Double> consumedBy(Instance... instances) throws Exception {
        Map<String, Double> consumed = new LinkedHashMap<>();
        for (Instance instance : instances) {
            consumed.put(instance.id(), consumed(instance));
        }
        return consumed;
    }
}
