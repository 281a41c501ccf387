package com.expresschat.statussync.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.storage.Claims;
import com.expresschat.statussync.support.AppProcess;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.RunFolders;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * statussync.file.shared-inbox=true on real processes: two instances of the packaged jar (prod profile) on one inbox,
 * done/ and error/, express-chat played by WireMock with a fixed delay.
 * <ol>
 * <li>Only the leader takes files: A takes the lead; B, started while A has an input claimed, stays passive (its
 * leader gauge is 0, it finishes no input) and does not touch A's claim.</li>
 * <li>A is killed with SIGKILL mid-input: B takes the lead within {@link #FAILOVER_BOUND} (heartbeat every second,
 * stale after 3 missed: about 4 s, plus camel-master's 1 s before it starts the file consumer), puts A's claimed
 * input back, and finishes every input.</li>
 * <li>Nothing is lost: every ID reaches express-chat, every input has one DELIVERED receipt with all its IDs,
 * error/ is empty, nothing is left in the inbox or its claim folder.</li>
 * </ol>
 */
class SharedInboxIT {

    /** Enough that A still has inputs to take once B has started (a few seconds under load): see step 2. */
    static final int FILES = 20;
    static final int IDS_PER_FILE = 2_000;
    static final int DELAY_MS = 40;
    static final int CHECK_INTERVAL_MS = 1000;
    static final int STALE_AFTER_CHECKS = 3;
    /** Stale after 3 missed heartbeats, one more check, camel-master's second, the first poll, and a margin. */
    static final Duration FAILOVER_BOUND = Duration.ofSeconds(12);
    static final String TOKEN = "shared-inbox-it-" + UUID.randomUUID();
    static final Pattern OUTCOME_LINE =
            Pattern.compile(".* Input (users-\\d+\\.txt) (DELIVERED|PARTIAL|FAILED|REJECTED)[: ].*");

    @TempDir
    Path root;

    private WireMockServer expressChat;
    private final List<AppProcess> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopAll() throws Exception {
        for (AppProcess process : processes) {
            process.close();
        }
        if (expressChat != null) {
            expressChat.stop();
        }
    }

    @Test
    void onlyTheLeaderTakesFilesAndTheOtherTakesOverAfterAKill() throws Exception {
        expressChat = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(16));
        expressChat.start();
        expressChat.stubFor(ExpressChatStub.statusUpdate()
                .willReturn(okJson("{\"updated\":true}").withFixedDelay(DELAY_MS)));
        Path shared = root.resolve("shared");
        Path inbox = Files.createDirectories(shared.resolve("inbox"));
        Files.createDirectories(root.resolve("logs"));

        Instance a = start("A", shared);
        a.process.awaitStarted(Duration.ofSeconds(90));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> leader(a));

        Map<String, List<String>> inputs = new LinkedHashMap<>();
        for (int f = 0; f < FILES; f++) {
            String name = "users-" + f + ".txt";
            inputs.put(name, RunFolders.writeInput(inbox, name, IDS_PER_FILE, 0x5a000000L + f));
        }
        // 1. B starts while A has an input claimed, and stays passive
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> !claimed(inbox).isEmpty());
        Instance b = start("B", shared);
        b.process.awaitStarted(Duration.ofSeconds(90));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> RunFolders.receipts(shared.resolve("done")).size() >= 3);
        assertThat(leader(b)).as("B is passive while A leads").isFalse();
        assertThat(finishedBy(b)).as("inputs B finished while A led").isEmpty();
        assertThat(b.process.output()).as("B did not put A's claim back")
                .doesNotContain("was claimed by an earlier run");

        // 2. A is killed mid-input: just after it claims an input it had not claimed at the last look (one takes
        // about half a second), so that the kill cannot come after the end of the input it was seen on
        Set<String> claimedBefore = claimed(inbox);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> !claimedBefore.containsAll(claimed(inbox)));
        int finishedByA = finishedBy(a).size();
        a.process.kill();
        long killed = System.nanoTime();
        await().atMost(FAILOVER_BOUND).pollInterval(Duration.ofMillis(100)).until(() -> leader(b));
        Duration failover = Duration.ofNanos(System.nanoTime() - killed);
        System.out.printf("SharedInboxIT: A finished %d inputs before the kill; B leads %.1f s after it%n",
                finishedByA, failover.toMillis() / 1000.0);
        assertThat(finishedByA).as("the kill comes mid-run").isLessThan(FILES);

        // 3. nothing is lost
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> RunFolders.receipts(shared.resolve("done")).size() == FILES);
        assertThat(b.process.output()).as("B put back the input A left claimed").contains("was claimed by an earlier run");
        Map<String, Integer> received = RunFolders.receivedIdCounts(expressChat);
        for (Map.Entry<String, List<String>> input : inputs.entrySet()) {
            assertThat(input.getValue()).as(input.getKey() + ": every ID accepted").allMatch(received::containsKey);
            JsonNode receipt = ExpressChatStub.read(
                    Files.readString(shared.resolve("done").resolve(input.getKey() + ".receipt.json")));
            assertThat(receipt.path("outcome").asText()).as(input.getKey()).isEqualTo("DELIVERED");
            assertThat(receipt.path("counts").path("delivered").asInt()).isEqualTo(IDS_PER_FILE);
        }
        // each input finished once, but for the one A was killed on: A may have logged its outcome and died before
        // moving it out of the claim, and then B, which put it back, finished it again (at least once, §5)
        List<String> finished = new ArrayList<>(finishedBy(a));
        finished.addAll(finishedBy(b));
        assertThat(Set.copyOf(finished)).as("inputs finished").isEqualTo(inputs.keySet());
        String outputOfB = b.process.output();
        List<String> twice = finished.stream().filter(n -> Collections.frequency(finished, n) > 1).distinct().toList();
        assertThat(twice).as("inputs finished twice: at most the one B put back").hasSizeLessThanOrEqualTo(1)
                .allMatch(n -> Collections.frequency(finished, n) == 2
                               && outputOfB.contains("Input " + n + " was claimed by an earlier run"));
        assertThat(RunFolders.listFiles(shared.resolve("error"))).as("nothing dead-lettered").isEmpty();
        assertThat(RunFolders.listFiles(inbox)).as("inputs left in the inbox").noneMatch(n -> n.endsWith(".txt"));
        assertThat(claimed(inbox)).as("claim folder").isEmpty();
    }

    private record Instance(AppProcess process, int port) {
    }

    private Instance start(String id, Path shared) throws IOException {
        int port = AvailablePortFinder.getNextAvailable();
        List<String> options = new ArrayList<>(AppProcess.prodOptions("256m",
                expressChat.baseUrl() + ExpressChatStub.PATH, shared));
        options.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dcamel.server.port=" + port,
                "-Dstatussync.instance-id=" + id,
                "-Dstatussync.file.stable-for=300ms", "-Dstatussync.file.poll-interval=200ms",
                "-Dstatussync.delivery.concurrency=2",
                "-Dstatussync.file.shared-inbox=true",
                "-Dstatussync.file.leader-check-interval=" + CHECK_INTERVAL_MS + "ms",
                "-Dstatussync.file.leader-stale-after-checks=" + STALE_AFTER_CHECKS));
        AppProcess process = AppProcess.start(options, Map.of("EXPRESS_CHAT_TOKEN", TOKEN),
                root.resolve("logs").resolve(id + ".log"));
        processes.add(process);
        return new Instance(process, port);
    }

    /** statussync_inbox_leader of the instance. */
    private boolean leader(Instance instance) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port + "/observe/metrics"))
                .build(), HttpResponse.BodyHandlers.ofLines()).body()
                .anyMatch(l -> l.equals("statussync_inbox_leader 1.0"));
    }

    /** The inputs whose outcome line the instance logged, once per line. */
    private static List<String> finishedBy(Instance instance) throws IOException {
        return instance.process.output().lines().map(OUTCOME_LINE::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).toList();
    }

    /** Inputs in the inbox's claim folder (not their journals). */
    private static Set<String> claimed(Path inbox) {
        return RunFolders.listFiles(inbox.resolve(Claims.FOLDER)).stream().filter(n -> n.startsWith("users-"))
                .collect(Collectors.toSet());
    }
}
