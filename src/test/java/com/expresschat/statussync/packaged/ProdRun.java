package com.expresschat.statussync.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.test.AvailablePortFinder;

import com.expresschat.statussync.support.AppProcess;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.RunFolders;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The fixture of the crash and stop ITs (CrashIT, LargeInputResumeIT, GracefulStopIT): the packaged jar as real
 * processes in the prod profile, started and killed in turn on one data folder (inbox/, done/, error/), against
 * express-chat played by WireMock; and what the tests check of the folders and of WireMock's request journal.
 */
final class ProdRun implements AutoCloseable {

    static final String TOKEN = "secret-token-crash-it";
    /** The shipped settings the re-send bound depends on: delivery.concurrency, flush-every-batches, batch-size. */
    static final int CONCURRENCY = 4;
    static final int FLUSH_EVERY = 10;
    static final int BATCH_SIZE = 100;
    /**
     * §5 with the journal: a kill -9 re-sends at most the batches in flight and the journal's unflushed tail, i.e.
     * (concurrency + flush interval) x batch size IDs.
     */
    static final int MAX_RESENT_PER_KILL = (CONCURRENCY + FLUSH_EVERY) * BATCH_SIZE;
    /** IDs in an input of {@link #writeInput}. */
    static final int IDS_PER_INPUT = 5_000;
    /** Extra time a graceful stop may take beyond the shutdown timeout: stopping the JVM and Camel's services. */
    static final Duration STOP_MARGIN = Duration.ofSeconds(10);

    private final Path root;
    private final Path inbox;
    private final Path done;
    private final Path error;
    private final List<AppProcess> processes = new ArrayList<>();
    private WireMockServer expressChat;

    /** The data folder under {@code root} (inbox/ created, done/ and error/ left to the application). */
    ProdRun(Path root) throws IOException {
        this.root = root;
        Path data = root.resolve("data");
        inbox = Files.createDirectories(data.resolve("inbox"));
        done = data.resolve("done");
        error = data.resolve("error");
        Files.createDirectories(root.resolve("logs"));
    }

    Path inbox() {
        return inbox;
    }

    Path done() {
        return done;
    }

    Path error() {
        return error;
    }

    WireMockServer expressChat() {
        return expressChat;
    }

    /** Kills what is still running, then stops WireMock. */
    @Override
    public void close() throws InterruptedException {
        for (AppProcess process : processes) {
            if (process.isAlive()) {
                process.kill();
            }
        }
        if (expressChat != null) {
            expressChat.stop();
        }
    }

    // --- the application and express-chat

    void startExpressChat(int delayMs) {
        expressChat = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(32));
        expressChat.start();
        acceptEveryPutAfter(delayMs);
    }

    /** Every PUT is accepted, after {@code delayMs} (the newest stub wins; the request journal is kept). */
    void acceptEveryPutAfter(int delayMs) {
        expressChat.stubFor(ExpressChatStub.statusUpdate()
                .willReturn(okJson("{\"updated\":true}").withFixedDelay(delayMs)));
    }

    AppProcess start(List<String> extraOptions) throws IOException {
        // C1 only and the serial collector: the process starts twice as fast on a small shared machine; what is
        // tested here (files, receipts, requests) does not depend on the JIT
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dcamel.main.profile=prod", "-Dcamel.server.basicPropertiesFile=" + AppProcess.USERS_FILE,
                "-Dstatussync.rest.tls-terminated-upstream=true", // loopback only: plaintext is meant
                "-Dcamel.server.port=" + AvailablePortFinder.getNextAvailable(),
                "-Dstatussync.express-chat.url=" + expressChat.baseUrl() + ExpressChatStub.PATH,
                "-Dstatussync.inbox-dir=" + inbox, "-Dstatussync.done-dir=" + done,
                "-Dstatussync.error-dir=" + error));
        options.addAll(extraOptions);
        AppProcess process = AppProcess.start(options, Map.of("EXPRESS_CHAT_TOKEN", TOKEN),
                root.resolve("logs").resolve("app-" + (processes.size() + 1) + ".log"));
        processes.add(process);
        return process;
    }

    /** SIGTERM; returns how long the process took to exit, which must be within the shutdown timeout + margin. */
    Duration stop(AppProcess app, Duration shutdownTimeout) throws Exception {
        long t0 = System.nanoTime();
        app.close();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(app.isAlive()).isFalse();
        assertThat(took).as("time to exit after SIGTERM").isLessThan(shutdownTimeout.plus(STOP_MARGIN));
        return took;
    }

    int requestCount() {
        return expressChat.countRequestsMatching(ExpressChatStub.statusUpdate().build().getRequest()).getCount();
    }

    /** How many times each ID reached express-chat, from WireMock's request journal. */
    Map<String, Integer> receivedIdCounts() {
        return RunFolders.receivedIdCounts(expressChat);
    }

    /**
     * For each run after the first: the IDs it sent that an earlier run had sent already (what the kill before it
     * cost), leaving out {@code excluded} IDs. {@code runStarts}: where each run starts in the request journal.
     */
    List<Long> resentPerRun(List<Integer> runStarts, Set<String> excluded) {
        List<LoggedRequest> all = new ArrayList<>(
                expressChat.findAll(putRequestedFor(urlEqualTo(ExpressChatStub.PATH))));
        all.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        List<Long> resent = new ArrayList<>();
        Set<String> sentBefore = new HashSet<>();
        for (int run = 0; run < runStarts.size(); run++) {
            int from = runStarts.get(run);
            int to = run + 1 < runStarts.size() ? runStarts.get(run + 1) : all.size();
            long again = 0;
            Set<String> sentNow = new HashSet<>();
            for (int r = from; r < to; r++) {
                for (JsonNode id : ExpressChatStub.read(all.get(r).getBodyAsString()).get("ids")) {
                    String value = id.asText();
                    if (sentBefore.contains(value) && !excluded.contains(value)) {
                        again++;
                    }
                    sentNow.add(value);
                }
            }
            if (run > 0) {
                resent.add(again);
            }
            sentBefore.addAll(sentNow);
        }
        return resent;
    }

    // --- inputs and folders

    /** An input of {@value #IDS_PER_INPUT} distinct, deterministic 24-hex IDs, unique to {@code seed}. */
    static List<String> writeInput(Path dir, String name, int seed) throws IOException {
        return RunFolders.writeInput(dir, name, IDS_PER_INPUT, 0x64a00000 + seed);
    }

    /**
     * A complete receipt saying DELIVERED, whose counts match the input, and whose every batch was answered 200
     * to a PUT that express-chat did receive (its X-Request-Id is in WireMock's journal).
     */
    void assertDelivered(Path receiptFile, int ids) throws IOException {
        assertThat(receiptFile).exists();
        JsonNode receipt = ExpressChatStub.read(Files.readString(receiptFile));
        assertThat(receipt.path("outcome").asText()).as(receiptFile + " outcome").isEqualTo("DELIVERED");
        JsonNode counts = receipt.path("counts");
        assertThat(counts.path("rows").asLong()).isEqualTo(ids);
        assertThat(counts.path("sent").asLong()).isEqualTo(ids);
        assertThat(counts.path("delivered").asLong()).isEqualTo(ids);
        assertThat(counts.path("deadLettered").asLong()).isZero();
        assertThat(counts.path("batches").asInt()).isEqualTo(ids / BATCH_SIZE);
        assertThat(receipt.path("batches")).hasSize(ids / BATCH_SIZE);
        Set<String> requestIds = expressChat.findAll(putRequestedFor(urlEqualTo(ExpressChatStub.PATH))).stream()
                .map(request -> request.getHeader("X-Request-Id")).collect(Collectors.toSet());
        receipt.path("batches").forEach(batch -> {
            assertThat(batch.path("result").asText()).isEqualTo("DELIVERED");
            assertThat(batch.path("httpStatus").asInt()).isEqualTo(200);
            assertThat(requestIds).contains(batch.path("requestId").asText());
        });
    }

    /**
     * After a stop, an input is either archived unchanged with a complete DELIVERED receipt (true), or still in
     * the inbox, unchanged, with no receipt (false).
     */
    boolean archivedOrUntouched(String name, List<String> ids) throws IOException {
        if (Files.exists(done.resolve(name))) {
            assertThat(Files.readAllLines(done.resolve(name))).isEqualTo(ids);
            assertDelivered(done.resolve(name + ".receipt.json"), ids.size());
            return true;
        }
        // left in the inbox, or still claimed when the JVM exited before Camel rolled the input back
        Path left = Files.exists(inbox.resolve(name)) ? inbox.resolve(name) : inbox.resolve(".claimed").resolve(name);
        assertThat(Files.readAllLines(left)).as(name + " in the inbox").isEqualTo(ids);
        assertThat(done.resolve(name + ".receipt.json")).doesNotExist();
        return false;
    }

    /** No part file, lock file or other hidden file anywhere under the data folder. */
    void assertNoStrayFiles() throws IOException {
        assertNoStrayFiles(Set.of());
    }

    /** The same, but for the named lock markers in the inbox. */
    void assertNoStrayFiles(Set<String> lockMarkersAllowedInInbox) throws IOException {
        try (Stream<Path> all = Files.walk(root.resolve("data"))) {
            List<Path> stray = all.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString();
                if (p.getParent().equals(inbox) && lockMarkersAllowedInInbox.contains(name)) {
                    return false;
                }
                if (p.getParent().equals(inbox.resolve(".claimed")) && name.startsWith(".journal-")
                    && lockMarkersAllowedInInbox.contains(".journal-*")) {
                    return false;
                }
                return name.startsWith(".") || name.endsWith(".part") || name.endsWith(".camelLock");
            }).toList();
            assertThat(stray).as("temporary files left behind").isEmpty();
        }
    }

    /** Input files (not reports, not temporary files) in a folder. */
    static List<String> inputsIn(Path dir) {
        return listFiles(dir).stream()
                .filter(n -> n.endsWith(".txt") && !n.startsWith("."))
                .toList();
    }

    static List<String> receipts(Path dir) {
        return RunFolders.receipts(dir);
    }

    /** Receipts in done/ whose input is still in the inbox: the crash came between the receipt and the move. */
    long receiptsOfUnmovedInputs() {
        return receipts(done).stream()
                .map(r -> r.substring(0, r.length() - ".receipt.json".length()))
                .filter(input -> Files.exists(inbox.resolve(input)) && !Files.exists(done.resolve(input)))
                .count();
    }

    static long count(Path dir, String suffix) {
        return listFiles(dir).stream().filter(n -> n.endsWith(suffix)).count();
    }

    static List<String> listFiles(Path dir) {
        return RunFolders.listFiles(dir);
    }
}
