package com.expresschat.statussync.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.support.AppProcess;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.RunFolders;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * §5 crash safety and §7 graceful stop, on the packaged jar as a real process in the prod profile, against
 * a slow express-chat played by WireMock.
 * <ul>
 * <li>Crash: 20 inputs of 5,000 IDs; the process is killed with SIGKILL at random moments (seeded, the seed
 * is logged; {@code -Dcrash.seed=N} replays a run) and restarted each time, then left to finish. No ID is
 * lost, every input is archived once with a complete DELIVERED receipt, nothing temporary is left. Before the
 * last start, the leftovers of crash windows too narrow to hit at random are planted by hand (part files, a
 * receipt whose input was not moved yet).</li>
 * <li>Graceful stop: SIGTERM while an input is in flight; the process exits within the shutdown timeout
 * (passed as {@code -Dcamel.main.shutdown-timeout}: 15 s, then 2 s; the shipped value is 30 s) plus a margin.
 * With time enough it finishes the input and leaves inputs not yet started in the inbox; when the input
 * outlasts the timeout it is abandoned: left in the inbox untouched, no receipt, no dead letter, no part
 * file (Camel's read-lock marker may stay beside it, as after a crash); the next start delivers it and
 * leaves nothing behind.</li>
 * </ul>
 */
class CrashIT {

    static final int FILES = 20;
    static final int IDS_PER_FILE = 5_000;
    static final int BATCHES_PER_FILE = IDS_PER_FILE / 100;
    /** The first kill comes while inputs are being picked up; the five others while batches are delivered. */
    static final int KILLS = 6;
    // slow enough that 6 kills up to 6 s apart all land while inputs are left (one input at a time: ~30 s of work)
    static final int UPSTREAM_DELAY_MS = 120;
    /** The latest random moment of a kill during delivery, after the run's first PUT. */
    static final int MAX_KILL_DELAY_MS = 6_000;
    /** Extra time a graceful stop may take beyond the shutdown timeout: stopping the JVM and Camel's services. */
    static final Duration STOP_MARGIN = Duration.ofSeconds(10);
    static final String TOKEN = "secret-token-crash-it";
    /** The shipped settings the re-send bound depends on: delivery.concurrency, journal.flush-every-batches, batch-size. */
    static final int CONCURRENCY = 4;
    static final int FLUSH_EVERY = 10;
    static final int BATCH_SIZE = 100;
    /**
     * §5 with the journal: a kill -9 re-sends at most the batches in flight and the journal's unflushed tail, i.e.
     * (concurrency + flush interval) x batch size IDs.
     */
    static final int MAX_RESENT_PER_KILL = (CONCURRENCY + FLUSH_EVERY) * BATCH_SIZE;
    /** The large input of the resume test ({@code -Dcrash.large-ids=N} for another size). */
    static final int LARGE_IDS = Integer.getInteger("crash.large-ids", 1_000_000);

    @TempDir
    Path root;

    private WireMockServer expressChat;
    private Path inbox;
    private Path done;
    private Path error;
    private final List<AppProcess> processes = new ArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (AppProcess process : processes) {
            if (process.isAlive()) {
                process.kill();
            }
        }
        if (expressChat != null) {
            expressChat.stop();
        }
    }

    @Test
    void killedAtRandomMomentsLosesNoIdAndLeavesNoStrayOutput() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("CrashIT seed=" + seed + " (replay with -Dcrash.seed=" + seed + ")");
        Random random = new Random(seed);
        startExpressChat(UPSTREAM_DELAY_MS);
        folders();

        Map<String, List<String>> inputs = new LinkedHashMap<>();
        for (int f = 0; f < FILES; f++) {
            String name = String.format("users-%02d.txt", f + 1);
            inputs.put(name, writeInput(inbox, name, f));
        }
        long began = System.nanoTime();

        int killsWithWorkLeft = 0;
        // where each run starts in WireMock's request journal: the IDs a run sends that an earlier run sent already
        // are what the kill before it costs
        List<Integer> runStarts = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            runStarts.add(requestCount());
            AppProcess app = start(List.of());
            app.awaitStarted(Duration.ofSeconds(60));
            int requestsBefore = requestCount();
            Duration moment;
            String after;
            if (kill == 1) {
                // while inputs are being picked up (lock files) and validated
                moment = Duration.ofMillis(random.nextInt(1_500));
                after = "start";
            } else {
                // while batches are being delivered, receipts written and inputs archived
                await().atMost(Duration.ofSeconds(60)).until(() -> requestCount() > requestsBefore);
                moment = Duration.ofMillis(random.nextInt(MAX_KILL_DELAY_MS + 1));
                after = "first PUT";
            }
            await().pollDelay(moment).atMost(moment.plusSeconds(5)).until(() -> true);
            boolean workLeft = !inputsIn(inbox).isEmpty();
            app.kill();
            assertThat(app.isAlive()).isFalse();
            if (workLeft) {
                killsWithWorkLeft++;
            }
            // what the crash left behind: removed or redone at the next start
            String state = String.format("kill %d at +%d ms after %s: %d PUTs in this run, inputs left %d, "
                                         + "archived %d, lock files %d, part files %d, receipts of unmoved inputs %d",
                    kill, moment.toMillis(), after, requestCount() - requestsBefore, inputsIn(inbox).size(),
                    inputsIn(done).size(), count(inbox, ".camelLock"), count(done, ".part") + count(error, ".part"),
                    receiptsOfUnmovedInputs());
            System.out.println("CrashIT " + state);
        }

        // the narrow windows random kills rarely hit, left by hand as such a crash would leave them: a receipt and
        // a dead-letter file half-written (part files), and a receipt written whose input was not moved yet
        List<String> left = inputsIn(inbox);
        String unmoved;
        boolean putBackByHand = left.isEmpty();
        if (putBackByHand) {
            // every input was archived before the last kill: put one back, as a crash between writing its receipt
            // and moving it would have left it
            unmoved = inputsIn(done).get(0);
            Files.move(done.resolve(unmoved), inbox.resolve(unmoved));
        } else {
            unmoved = left.get(left.size() - 1);
        }
        Files.writeString(done.resolve("." + unmoved + ".receipt.json.part"), "{\"input\":");
        Files.writeString(error.resolve("." + unmoved + ".transient.ndjson.part"), "{\"id\":");
        Files.writeString(done.resolve(unmoved + ".receipt.json"),
                "{\"input\":\"" + unmoved + "\",\"outcome\":\"DELIVERED\",\"stale\":true}");

        AtomicInteger mostInputsInFlight = new AtomicInteger();
        runStarts.add(requestCount());
        try (AppProcess app = start(List.of())) {
            app.awaitStarted(Duration.ofSeconds(60));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
                // a lock file marks an input the file consumer is processing
                mostInputsInFlight.accumulateAndGet((int) count(inbox, ".camelLock"), Math::max);
                return inputsIn(inbox).isEmpty() && receipts(done).size() == FILES || !app.isAlive();
            });
        }
        long seconds = Duration.ofNanos(System.nanoTime() - began).toSeconds();

        // every ID accepted by express-chat at least once
        Map<String, Integer> received = receivedIdCounts();
        List<String> expected = inputs.values().stream().flatMap(List::stream).toList();
        List<String> lost = expected.stream().filter(id -> !received.containsKey(id)).toList();
        assertThat(lost).as("IDs express-chat never received").isEmpty();
        assertThat(received).hasSize(expected.size());
        long sentMoreThanOnce = received.values().stream().filter(n -> n > 1).count();
        long extraSends = received.values().stream().mapToLong(n -> n - 1).sum();
        System.out.printf("CrashIT done: seed=%d, %d kills (%d with work left), %d s in all, %d PUTs for %d batches, "
                          + "%d of %d IDs sent more than once (%d extra sends); up to %d inputs in flight at once "
                          + "in the last run%n",
                seed, KILLS, killsWithWorkLeft, seconds, requestCount(), FILES * BATCHES_PER_FILE,
                sentMoreThanOnce, expected.size(), extraSends, mostInputsInFlight.get());
        assertThat(killsWithWorkLeft).as("kills that hit a run with work left").isEqualTo(KILLS);
        // an input put back by hand from done/ is a new input (its journal went with its archiving): all of it again
        Set<String> redropped = putBackByHand ? Set.copyOf(inputs.get(unmoved)) : Set.of();
        List<Long> resentPerKill = resentPerRun(runStarts, redropped);
        System.out.printf("CrashIT IDs re-sent after each kill (bound (%d + %d) x %d = %d): %s%n", CONCURRENCY,
                FLUSH_EVERY, BATCH_SIZE, MAX_RESENT_PER_KILL, resentPerKill);
        assertThat(resentPerKill).as("IDs re-sent after each kill").allMatch(n -> n <= MAX_RESENT_PER_KILL);

        // every input archived once, unchanged, with a complete DELIVERED receipt; nothing else anywhere
        assertThat(inputsIn(inbox)).isEmpty();
        assertThat(inputsIn(done)).containsExactlyInAnyOrderElementsOf(inputs.keySet());
        for (Map.Entry<String, List<String>> input : inputs.entrySet()) {
            assertThat(Files.readAllLines(done.resolve(input.getKey()))).isEqualTo(input.getValue());
            assertDelivered(done.resolve(input.getKey() + ".receipt.json"), IDS_PER_FILE);
        }
        assertThat(listFiles(done)).hasSize(2 * FILES);
        assertThat(ExpressChatStub.read(Files.readString(done.resolve(unmoved + ".receipt.json"))).has("stale"))
                .as("the receipt of the input processed again replaces the one left by the crash").isFalse();
        assertThat(listFiles(error)).as("dead letters").isEmpty();
        assertNoStrayFiles();
    }

    @Test
    void sigtermFinishesOrSafelyAbandonsTheInputsInFlight() throws Exception {
        startExpressChat(300);
        folders();

        // 1. time enough (15 s): the input in flight is finished
        Duration longTimeout = Duration.ofSeconds(15);
        List<String> first = writeInput(inbox, "first.txt", 100);
        AppProcess app = start(List.of("-Dcamel.main.shutdown-timeout=" + longTimeout.toSeconds()));
        app.awaitStarted(Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(30)).until(() -> requestCount() >= 8);
        // dropped just before the stop: usually never started (then it must stay in the inbox untouched)
        List<String> second = writeInput(inbox, "second.txt", 101);

        Duration stop = stop(app, longTimeout);
        boolean secondArchived = archivedOrUntouched("second.txt", second);
        System.out.printf("CrashIT SIGTERM with an input in flight: exited in %d ms (shutdown timeout %d s); "
                          + "the input dropped just before: %s%n", stop.toMillis(), longTimeout.toSeconds(),
                secondArchived ? "archived" : "left in the inbox");
        assertThat(app.output()).contains("Input first.txt DELIVERED");
        assertThat(archivedOrUntouched("first.txt", first)).as("first.txt finished").isTrue();
        assertThat(first).allMatch(receivedIdCounts()::containsKey);
        assertThat(listFiles(error)).isEmpty();
        assertNoStrayFiles();

        // 2. the work in flight outlasts the shutdown timeout (2 s): what is not finished is abandoned, untouched
        List<String> slow = writeInput(inbox, "slow.txt", 102);
        acceptEveryPutAfter(500); // the newest stub wins; the request journal is kept
        Duration shortTimeout = Duration.ofSeconds(2);
        app = start(List.of("-Dcamel.main.shutdown-timeout=" + shortTimeout.toSeconds()));
        app.awaitStarted(Duration.ofSeconds(60));
        int requestsBefore = requestCount();
        await().atMost(Duration.ofSeconds(30)).until(() -> requestCount() >= requestsBefore + 8);

        stop = stop(app, shortTimeout);
        Map<String, Boolean> archived = new LinkedHashMap<>();
        if (!secondArchived) {
            archived.put("second.txt", archivedOrUntouched("second.txt", second));
        }
        archived.put("slow.txt", archivedOrUntouched("slow.txt", slow));
        // When the JVM exits before the abandoned exchanges have rolled back ("Shutting down while there are still
        // N inflight exchanges"), Camel's read-lock marker <input>.camelLock stays beside the input, as after a
        // crash; Camel deletes such orphans at the next start (readLockDeleteOrphanLockFiles, on by default).
        Set<String> markers = archived.entrySet().stream().filter(e -> !e.getValue())
                .map(e -> e.getKey() + ".camelLock").collect(Collectors.toSet());
        // an abandoned input may also stay claimed (inbox/.claimed/) with its journal: the next start resumes it
        markers.add(".journal-*");
        System.out.printf("CrashIT SIGTERM past the shutdown timeout: exited in %d ms (shutdown timeout %d s) after "
                          + "%d PUTs; archived: %s; lock markers left: %d%n", stop.toMillis(),
                shortTimeout.toSeconds(), requestCount() - requestsBefore, archived,
                listFiles(inbox).stream().filter(markers::contains).count());
        app.output().lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).limit(10)
                .forEach(line -> System.out.println("CrashIT   " + line));
        // 5,000 IDs at 500 ms a PUT cannot be sent within 2 s: something was abandoned
        assertThat(archived).containsValue(false);
        assertThat(listFiles(error)).as("an abandoned input is not dead-lettered").isEmpty();
        assertNoStrayFiles(markers);

        // 3. the next start finishes what was left
        try (AppProcess again = start(List.of())) {
            again.awaitStarted(Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(60)).until(
                    () -> inputsIn(inbox).isEmpty() && receipts(done).size() == 3 || !again.isAlive());
        }
        assertThat(archivedOrUntouched("second.txt", second)).isTrue();
        assertThat(archivedOrUntouched("slow.txt", slow)).isTrue();
        Map<String, Integer> received = receivedIdCounts();
        assertThat(second).allMatch(received::containsKey);
        assertThat(slow).allMatch(received::containsKey);
        assertThat(inputsIn(inbox)).isEmpty();
        assertThat(listFiles(done)).hasSize(6);
        assertThat(listFiles(error)).isEmpty();
        assertNoStrayFiles();
    }

    @Test
    void aLargeInputKilledNearItsEndResumesWhereItStopped() throws Exception {
        // fast, but not instant, so that ~90 % can be aimed at
        startExpressChat(5);
        folders();
        int batches = LARGE_IDS / BATCH_SIZE;
        List<String> ids = new ArrayList<>(LARGE_IDS);
        for (int i = 0; i < LARGE_IDS; i++) {
            ids.add(String.format("%08x%016x", 0x64b00000, (i + 1) * 0x9e3779b1L));
        }
        Path staged = Files.write(inbox.resolveSibling(".large.txt.staged"), ids);
        Files.move(staged, inbox.resolve("large.txt"));
        long began = System.nanoTime();

        AppProcess first = start(List.of());
        first.awaitStarted(Duration.ofSeconds(60));
        int target = batches * 9 / 10;
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> requestCount() >= target || !first.isAlive());
        first.kill();
        int atKill = requestCount();
        Set<String> sentBeforeKill = receivedIdCounts().keySet();
        Path claimed = inbox.resolve(".claimed").resolve("large.txt");
        System.out.printf("CrashIT large input: %d IDs (%d batches), killed after %d PUTs (%d %%), %d IDs sent; "
                          + "claimed: %s, journal files: %d%n", LARGE_IDS, batches, atKill, atKill * 100 / batches,
                sentBeforeKill.size(), Files.exists(claimed), count(inbox.resolve(".claimed"), ".ndjson"));
        assertThat(atKill).as("killed before the end").isLessThan(batches);

        try (AppProcess second = start(List.of())) {
            second.awaitStarted(Duration.ofSeconds(60));
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> receipts(done).size() == 1 || !second.isAlive());
            assertThat(second.output()).contains("Input large.txt resumes");
        }
        int afterRestart = requestCount() - atKill;
        Map<String, Integer> received = receivedIdCounts();
        long resent = received.values().stream().filter(n -> n > 1).count();
        System.out.printf("CrashIT large input: the restart sent %d PUTs (%d IDs); %d IDs sent twice (%.2f %% of the "
                          + "input; bound per kill %d); %d s in all%n", afterRestart, afterRestart * BATCH_SIZE, resent,
                resent * 100.0 / LARGE_IDS, MAX_RESENT_PER_KILL,
                Duration.ofNanos(System.nanoTime() - began).toSeconds());

        assertThat(received).as("every ID reached express-chat").hasSize(LARGE_IDS);
        assertThat(resent).as("IDs sent twice after a kill at ~90 %").isLessThan(LARGE_IDS / 5)
                .isLessThanOrEqualTo(MAX_RESENT_PER_KILL);
        assertDelivered(done.resolve("large.txt.receipt.json"), LARGE_IDS);
        assertThat(listFiles(error)).isEmpty();
        assertNoStrayFiles();
    }

    /**
     * For each run after the first: the IDs it sent that an earlier run had sent already (what the kill before it
     * cost), leaving out {@code excluded} IDs.
     */
    private List<Long> resentPerRun(List<Integer> runStarts, Set<String> excluded) {
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> all = new ArrayList<>(
                expressChat.findAll(putRequestedFor(urlEqualTo(ExpressChatStub.PATH))));
        all.sort(java.util.Comparator.comparing(com.github.tomakehurst.wiremock.verification.LoggedRequest::getLoggedDate));
        List<Long> resent = new ArrayList<>();
        Set<String> sentBefore = new java.util.HashSet<>();
        for (int run = 0; run < runStarts.size(); run++) {
            int from = runStarts.get(run);
            int to = run + 1 < runStarts.size() ? runStarts.get(run + 1) : all.size();
            long again = 0;
            Set<String> sentNow = new java.util.HashSet<>();
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

    // --- the application and express-chat

    private void startExpressChat(int delayMs) {
        expressChat = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(32));
        expressChat.start();
        acceptEveryPutAfter(delayMs);
    }

    /** Every PUT is accepted, after {@code delayMs}. */
    private void acceptEveryPutAfter(int delayMs) {
        expressChat.stubFor(ExpressChatStub.statusUpdate()
                .willReturn(okJson("{\"updated\":true}").withFixedDelay(delayMs)));
    }

    private void folders() throws IOException {
        Path data = root.resolve("data");
        inbox = Files.createDirectories(data.resolve("inbox"));
        done = data.resolve("done");
        error = data.resolve("error");
        Files.createDirectories(root.resolve("logs"));
    }

    private AppProcess start(List<String> extraOptions) throws IOException {
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
    private Duration stop(AppProcess app, Duration shutdownTimeout) throws Exception {
        long t0 = System.nanoTime();
        app.close();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(app.isAlive()).isFalse();
        assertThat(took).as("time to exit after SIGTERM").isLessThan(shutdownTimeout.plus(STOP_MARGIN));
        return took;
    }

    private int requestCount() {
        return expressChat.countRequestsMatching(ExpressChatStub.statusUpdate().build().getRequest()).getCount();
    }

    /** How many times each ID reached express-chat, from WireMock's request journal. */
    private Map<String, Integer> receivedIdCounts() {
        return RunFolders.receivedIdCounts(expressChat);
    }

    // --- inputs and folders

    /** An input of distinct, deterministic 24-hex IDs, unique to {@code seed}. */
    private static List<String> writeInput(Path dir, String name, int seed) throws IOException {
        return RunFolders.writeInput(dir, name, IDS_PER_FILE, 0x64a00000 + seed);
    }

    /**
     * A complete receipt saying DELIVERED, whose counts match the input, and whose every batch was answered 200
     * to a PUT that express-chat did receive (its X-Request-Id is in WireMock's journal).
     */
    private void assertDelivered(Path receiptFile, int ids) throws IOException {
        assertThat(receiptFile).exists();
        JsonNode receipt = ExpressChatStub.read(Files.readString(receiptFile));
        assertThat(receipt.path("outcome").asText()).as(receiptFile + " outcome").isEqualTo("DELIVERED");
        JsonNode counts = receipt.path("counts");
        assertThat(counts.path("rows").asLong()).isEqualTo(ids);
        assertThat(counts.path("sent").asLong()).isEqualTo(ids);
        assertThat(counts.path("delivered").asLong()).isEqualTo(ids);
        assertThat(counts.path("deadLettered").asLong()).isZero();
        assertThat(counts.path("batches").asInt()).isEqualTo(ids / 100);
        assertThat(receipt.path("batches")).hasSize(ids / 100);
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
    private boolean archivedOrUntouched(String name, List<String> ids) throws IOException {
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
    private void assertNoStrayFiles() throws IOException {
        assertNoStrayFiles(Set.of());
    }

    /** The same, but for the named lock markers in the inbox. */
    private void assertNoStrayFiles(Set<String> lockMarkersAllowedInInbox) throws IOException {
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
    private static List<String> inputsIn(Path dir) {
        return listFiles(dir).stream()
                .filter(n -> n.endsWith(".txt") && !n.startsWith("."))
                .toList();
    }

    private static List<String> receipts(Path dir) {
        return RunFolders.receipts(dir);
    }

    /** Receipts in done/ whose input is still in the inbox: the crash came between the receipt and the move. */
    private long receiptsOfUnmovedInputs() {
        return receipts(done).stream()
                .map(r -> r.substring(0, r.length() - ".receipt.json".length()))
                .filter(input -> Files.exists(inbox.resolve(input)) && !Files.exists(done.resolve(input)))
                .count();
    }

    private static long count(Path dir, String suffix) {
        return listFiles(dir).stream().filter(n -> n.endsWith(suffix)).count();
    }

    private static List<String> listFiles(Path dir) {
        return RunFolders.listFiles(dir);
    }
}
