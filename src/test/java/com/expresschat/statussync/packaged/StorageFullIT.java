package com.expresschat.statussync.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.support.AppProcess;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.RunFolders;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Issue 12, "done/ full and error/ full mid-input", on real small file systems: done/ and error/ are 2 MiB tmpfs
 * mounts, the packaged jar runs in the prod profile with statussync.storage.min-free-space at 256 KiB, and a filler
 * file fills one of them while an input of 20,000 IDs is delivered (4 batches at a time, the journal flushed every 10).
 * The input stops at its next journal flush (less free space than the threshold), stays claimed in
 * inbox/.claimed/.held/, readiness is DOWN naming the folder, statussync_storage_unusable is 1, and nothing more is
 * sent for the hold; once the filler is deleted it is taken again from its claim and ends DELIVERED (done/) or
 * PARTIAL (error/, with its dead letters in one file), its accounting complete, no ID in two dead-letter files, no
 * part file left.
 * <p>
 * PUTs after the fault are at most {@value #BOUND} batches: the journal flush interval (10) plus three times the
 * concurrency (4): those in flight when the folder filled, and those running and read ahead when the input stops.
 * <p>
 * Mounting needs root: when the tests do not run as root, or {@code mount -t tmpfs} fails (a container without
 * CAP_SYS_ADMIN), the tests are skipped by a JUnit assumption, and say why. The mounts are always undone afterwards.
 */
class StorageFullIT {

    static final int IDS = 20_000;
    static final int BATCH_SIZE = 100;
    static final int CONCURRENCY = 4;
    static final int FLUSH_EVERY = 10;
    static final int BOUND = FLUSH_EVERY + 3 * CONCURRENCY;
    static final long MIN_FREE = 256 * 1024;
    static final String TOKEN = "secret-token-storage-full-it";

    @TempDir
    static Path root;
    private static final List<Path> MOUNTS = new ArrayList<>();

    private Path inbox;
    private Path done;
    private Path error;
    private WireMockServer expressChat;
    private AppProcess app;
    private int port;

    @BeforeAll
    static void mountSmallFileSystems() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "StorageFullIT mounts tmpfs file systems, which needs root: skipped");
        for (String folder : List.of("done", "error")) {
            Path dir = Files.createDirectories(root.resolve("data").resolve(folder));
            int exit = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", dir.toString());
            Assumptions.assumeTrue(exit == 0, "mount -t tmpfs failed (exit " + exit + "): StorageFullIT skipped");
            MOUNTS.add(dir);
        }
    }

    @AfterAll
    static void unmount() throws Exception {
        for (Path dir : MOUNTS) {
            run("umount", "-l", dir.toString());
        }
        MOUNTS.clear();
    }

    @BeforeEach
    void folders() throws IOException {
        Path data = root.resolve("data");
        inbox = Files.createDirectories(data.resolve("inbox"));
        done = data.resolve("done");
        error = data.resolve("error");
        for (Path dir : List.of(inbox, done, error)) {
            deleteContents(dir);
        }
        expressChat = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(32));
        expressChat.start();
        expressChat.stubFor(ExpressChatStub.statusUpdate().atPriority(10)
                .willReturn(okJson("{\"updated\":true}").withFixedDelay(60)));
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (expressChat != null) {
            expressChat.stop();
        }
    }

    @Test
    void doneFillingUpMidInputHoldsItClaimedAndItIsDeliveredOnceSpaceReturns() throws Exception {
        start();
        List<String> ids = RunFolders.writeInput(inbox, "users.txt", IDS, 12);

        JsonNode receipt = heldThenFinished("users.txt", done);
        assertThat(receipt.path("outcome").asText()).isEqualTo("DELIVERED");
        assertAccounted(receipt, ids, IDS, 0);
        assertThat(done.resolve("users.txt")).exists();
        assertNothingLeft();
    }

    @Test
    void errorFillingUpMidInputHoldsItClaimedAndItsDeadLettersArePublishedOnce() throws Exception {
        start("-Dstatussync.retry.max-retries=0");
        List<String> ids = RunFolders.writeInput(inbox, "refused.txt", IDS, 13);
        // one batch in ten fails (TRANSIENT, not retried): 20 batches dead-lettered, one before error/ fills
        Set<String> failing = new HashSet<>();
        for (int batch = 5; batch < IDS / BATCH_SIZE; batch += 10) {
            String id = ids.get(batch * BATCH_SIZE + 50);
            failing.add(id);
            expressChat.stubFor(ExpressChatStub.statusUpdate().withRequestBody(containing('"' + id + '"'))
                    .willReturn(aResponse().withStatus(503).withFixedDelay(60)));
        }

        JsonNode receipt = heldThenFinished("refused.txt", error);
        assertThat(receipt.path("outcome").asText()).isEqualTo("PARTIAL");
        assertAccounted(receipt, ids, IDS - failing.size() * BATCH_SIZE, failing.size() * BATCH_SIZE);
        Map<String, Integer> deadLettered = RunFolders.deadLetteredIdCounts(error);
        assertThat(deadLettered).as("each dead-lettered ID in one dead-letter file")
                .hasSize(failing.size() * BATCH_SIZE).allSatisfy((id, files) -> assertThat(files).isEqualTo(1));
        assertThat(deadLettered.keySet()).containsAll(failing);
        assertThat(receipt.path("deadLetterFiles")).hasSize(1);
        assertNothingLeft();
    }

    @Test
    void anInputIsNotClaimedWhileErrorLacksFreeSpaceAndIsTakenOnceSpaceIsBack() throws Exception {
        start();
        Path filler = fill(error);
        List<String> ids = RunFolders.writeInput(inbox, "waiting.txt", 1_000, 14);
        Path waiting = inbox.resolve("waiting.txt");
        Object ctime = Files.getAttribute(waiting, "unix:ctime");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> app.output().contains("less than statussync.storage.min-free-space"));
        // many polls: never renamed into the claim folder (its ctime would change), nothing sent
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> ctime.equals(Files.getAttribute(waiting, "unix:ctime")));
        assertThat(inbox.resolve(".claimed/waiting.txt")).doesNotExist();
        assertThat(requests()).isZero();
        HttpResponse<String> ready = get("/observe/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(readinessMessage(ready)).startsWith(error + " cannot take files");

        Files.delete(filler);
        JsonNode receipt = awaitReceipt(done.resolve("waiting.txt.receipt.json"));
        assertThat(receipt.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(RunFolders.receivedIdCounts(expressChat)).hasSize(ids.size()).allSatisfy((id, n) ->
                assertThat(n).isEqualTo(1));
        assertNothingLeft();
    }

    /**
     * Fills {@code folder} once 40 PUTs of input {@code name} are answered, checks that it is held, frees the space and
     * returns its receipt.
     */
    private JsonNode heldThenFinished(String name, Path folder) throws Exception {
        Path filler = fillAfter(40, folder);
        assertHeld(name, folder, requests());
        Files.delete(filler);
        return awaitReceipt(done.resolve(name + ".receipt.json"));
    }

    /** Once {@code puts} PUTs are answered, fills {@code folder} to the last byte; returns the filler. */
    private Path fillAfter(int puts, Path folder) throws IOException {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> requests() >= puts);
        return fill(folder);
    }

    /** Fills {@code folder} to the last byte; returns the filler. */
    private static Path fill(Path folder) throws IOException {
        Path filler = folder.resolve("filler");
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // No space left on device: the folder is full
        }
        assertThat(folder.toFile().getUsableSpace()).isLessThan(MIN_FREE);
        return filler;
    }

    /** The input stopped and is held in its claim; readiness and the metric name the folder; nothing more is sent. */
    private void assertHeld(String name, Path folder, int putsAtFault) throws Exception {
        Path held = inbox.resolve(".claimed/.held").resolve(name);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(held));
        HttpResponse<String> ready = get("/observe/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(readinessMessage(ready)).startsWith(folder + " cannot take files")
                .contains("statussync.storage.min-free-space");
        assertThat(get("/observe/metrics").body()).contains("statussync_storage_unusable 1.0");
        // the batches in flight end, then nothing more is sent while the hold lasts (3 s), and it stays claimed
        AtomicInteger last = new AtomicInteger(-1);
        await().during(Duration.ofMillis(2000)).atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> Files.exists(held) && last.getAndSet(requests()) == requests());
        assertThat(inbox.resolve(name)).as("kept claimed, not put back into the inbox").doesNotExist();
        int after = requests() - putsAtFault;
        System.out.println("StorageFullIT " + name + ": " + putsAtFault + " PUTs before " + folder.getFileName()
                           + " filled up, " + after + " after (bound " + BOUND + ")");
        assertThat(after).as("PUTs after the fault").isLessThanOrEqualTo(BOUND);
    }

    /** The reason readiness gives (Camel's health answer escapes each / as \\/ inside its strings). */
    private static String readinessMessage(HttpResponse<String> ready) {
        return ExpressChatStub.read(ready.body()).path("checks").get(0).path("message").asText().replace("\\/", "/");
    }

    private void assertAccounted(JsonNode receipt, List<String> ids, int delivered, int deadLettered) {
        JsonNode counts = receipt.path("counts");
        assertThat(counts.path("rows").asInt()).isEqualTo(IDS);
        assertThat(counts.path("sent").asInt()).isEqualTo(IDS);
        assertThat(counts.path("delivered").asInt()).isEqualTo(delivered);
        assertThat(counts.path("deadLettered").asInt()).isEqualTo(deadLettered);
        assertThat(receipt.path("batches")).hasSize(IDS / BATCH_SIZE);
        Map<String, Integer> received = RunFolders.receivedIdCounts(expressChat);
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        int sentTwice = received.values().stream().mapToInt(n -> n - 1).sum();
        System.out.println("StorageFullIT: " + sentTwice + " IDs sent twice (bound " + BOUND * BATCH_SIZE + ")");
        assertThat(sentTwice).as("IDs sent twice").isLessThanOrEqualTo(BOUND * BATCH_SIZE);
        assertThat(get("/observe/health/ready").statusCode()).isEqualTo(200);
    }

    private void assertNothingLeft() throws IOException {
        try (Stream<Path> all = Stream.of(inbox, done, error).flatMap(StorageFullIT::walk)) {
            assertThat(all.map(Path::toString)).as("no part file, no journal, nothing held or claimed")
                    .noneMatch(p -> p.endsWith(".part") || p.contains(".journal-") || p.contains("/.held/")
                                    || p.matches(".*/\\.claimed/[^/]+\\.txt"));
        }
    }

    private void start(String... extra) throws IOException {
        port = AvailablePortFinder.getNextAvailable();
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dcamel.main.profile=prod", "-Dcamel.server.basicPropertiesFile=" + AppProcess.USERS_FILE,
                "-Dstatussync.rest.tls-terminated-upstream=true", // loopback only: plaintext is meant
                "-Dcamel.server.port=" + port,
                "-Dstatussync.express-chat.url=" + expressChat.baseUrl() + ExpressChatStub.PATH,
                "-Dstatussync.inbox-dir=" + inbox, "-Dstatussync.done-dir=" + done,
                "-Dstatussync.error-dir=" + error,
                "-Dstatussync.storage.min-free-space=" + MIN_FREE, "-Dstatussync.storage.retry-interval=3s",
                "-Dstatussync.file.poll-interval=200ms", "-Dstatussync.file.stable-for=300ms"));
        options.addAll(List.of(extra));
        Files.createDirectories(root.resolve("logs"));
        app = AppProcess.start(options, Map.of("EXPRESS_CHAT_TOKEN", TOKEN),
                root.resolve("logs").resolve("app-" + System.nanoTime() + ".log"));
        app.awaitStarted(Duration.ofSeconds(60));
    }

    private int requests() {
        return expressChat.getAllServeEvents().size();
    }

    private HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    /** The receipt, once the input is archived beside it (the consumer moves the input just after the receipt). */
    private static JsonNode awaitReceipt(Path receipt) throws Exception {
        Path archived = receipt.resolveSibling(receipt.getFileName().toString().replace(".receipt.json", ""));
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(receipt) && Files.exists(archived));
        return ExpressChatStub.read(Files.readString(receipt));
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        if (process.exitValue() != 0) {
            System.out.println(String.join(" ", command) + ": " + output);
        }
        return process.exitValue();
    }

    private static Stream<Path> walk(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }
}
