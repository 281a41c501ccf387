package com.expresschat.statussync.durable;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.LogCapture;
import com.expresschat.statussync.support.RunFolders;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * §5 "if writing to error/ or done/ fails, the input is held (nothing more is sent, nothing is dropped, readiness says
 * why) and finishes once storage works, without re-sending what was already delivered". A folder breaks while an
 * input is delivered (tests run as root, where permissions stop nothing, so the folder is replaced by a plain file; a
 * full disk fails the same writes, see StorageFullIT). The input notices at its next journal flush, stops, and stays
 * claimed in inbox/.claimed/.held/ with its journal: for the storage retry interval (3 s here) nothing is sent and it
 * is not taken again; readiness is DOWN naming the folder, statussync_storage_unusable is 1. Once the folder works it
 * is taken again from its claim and finishes from its journal.
 * <p>
 * The bound on PUTs after the fault: the outcomes until the next journal flush (flush-every-batches, 2 here), plus
 * the batches in flight when the input stops (2 x concurrency: running and read ahead), plus the one being sent when
 * the folder broke: {@value #BOUND} batches. Those not journaled are the only ones sent again.
 */
class StorageHoldTest extends StatusSyncTestSupport {

    private static final int FLUSH_EVERY = 2;
    private static final int CONCURRENCY = 1;
    static final int BOUND = FLUSH_EVERY + 2 * CONCURRENCY + 1;
    private static final int BATCH = 10;
    /** How long express-chat takes to answer until the fault is in place: the input is mid-delivery when it hits. */
    private static final int SLOW_MS = 150;
    /** IDs whose batches are refused: 6 of the 30 batches are dead-lettered. */
    private static final List<Integer> REFUSED = List.of(55, 105, 155, 205, 255, 295);

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.batch-size", String.valueOf(BATCH));
        p.setProperty("statussync.delivery.concurrency", String.valueOf(CONCURRENCY));
        p.setProperty("statussync.journal.flush-every-batches", String.valueOf(FLUSH_EVERY));
        p.setProperty("statussync.storage.retry-interval", "3s");
        p.setProperty("statussync.retry.max-retries", "0");
        p.setProperty("statussync.isolation.enabled", "false");
    }

    @Test
    void aDoneFolderThatBreaksMidInputStopsTheInputWhichStaysClaimedAndFinishesFromItsJournal() throws Exception {
        answerEveryPutAfter(SLOW_MS);
        dropComplete("held.txt", ids(300, 1));

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> expressChat.requests().size() >= 5);
        breakFolder(done());
        int putsAtFault = expressChat.requests().size();

        Path held = inbox().resolve(".claimed/.held/held.txt");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(held));
        assertHeldFor(held, done(), "Not a directory");
        int putsAfterFault = expressChat.requests().size() - putsAtFault;
        assertThat(putsAfterFault).as("PUTs after the fault").isLessThanOrEqualTo(BOUND);

        answerEveryPutAfter(0);
        repair(done());
        JsonNode receipt = awaitDone("held.txt");

        assertThat(receipt.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(receipt.path("counts").path("delivered").asInt()).isEqualTo(300);
        assertSentTwiceAtMost(BOUND * BATCH, 300);
        assertThat(LogCapture.text()).containsOnlyOnce("Input held.txt resumes");
        assertRecovered();
    }

    @Test
    void anErrorFolderThatBreaksMidInputHoldsItAndItsDeadLettersArePublishedOnce() throws Exception {
        refuseSomeBatchesAfter(SLOW_MS);
        dropComplete("refused.txt", ids(300, 1));

        // the first dead letter is written (its part file lies in error/): now error/ breaks
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> expressChat.requests().size() >= 8);
        Path aside = Files.move(error(), error().resolveSibling("error-broken"));
        Files.writeString(error(), "not a folder");
        int putsAtFault = expressChat.requests().size();

        Path held = inbox().resolve(".claimed/.held/refused.txt");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(held));
        assertHeldFor(held, error(), "Not a directory");
        assertThat(expressChat.requests().size() - putsAtFault).as("PUTs after the fault").isLessThanOrEqualTo(BOUND);

        refuseSomeBatchesAfter(0);
        repair(error());
        JsonNode receipt = awaitDone("refused.txt");

        assertThat(receipt.path("outcome").asText()).isEqualTo("PARTIAL");
        assertThat(receipt.path("counts").path("delivered").asInt()).isEqualTo(240);
        assertThat(receipt.path("counts").path("deadLettered").asInt()).isEqualTo(60);
        assertSentTwiceAtMost(BOUND * BATCH, 300);
        // one dead-letter file, every dead-lettered ID in it once
        Map<String, Integer> deadLettered = RunFolders.deadLetteredIdCounts(error());
        assertThat(deadLettered).hasSize(60).allSatisfy((id, files) -> assertThat(files).isEqualTo(1));
        assertThat(receipt.path("deadLetterFiles")).hasSize(1);
        assertRecovered();
        deleteTree(aside);
    }

    /**
     * express-chat accepts every PUT after {@code delayMs} (added after the stubs before it, so it replaces them):
     * slow while the fault is to hit mid-input, then at once, since after the hold only the outcome counts.
     */
    private void answerEveryPutAfter(int delayMs) {
        expressChat.stubFor(ExpressChatStub.statusUpdate()
                .willReturn(okJson("{\"updated\":true}").withFixedDelay(delayMs)));
    }

    /** Like {@link #answerEveryPutAfter}, but every batch holding one of {@link #REFUSED} fails (TRANSIENT, no retries). */
    private void refuseSomeBatchesAfter(int delayMs) {
        for (int n : REFUSED) {
            expressChat.stubFor(ExpressChatStub.statusUpdate().withRequestBody(containing('"' + objectId(n) + '"'))
                    .willReturn(aResponse().withStatus(503).withFixedDelay(delayMs)));
        }
        expressChat.stubFor(ExpressChatStub.statusUpdate().atPriority(10)
                .willReturn(okJson("{\"updated\":true}").withFixedDelay(delayMs)));
    }

    /** During the hold: claimed, not in the inbox, nothing sent, readiness and the metric name the folder. */
    private void assertHeldFor(Path held, Path folder, String cause) throws Exception {
        HttpResponse<String> ready = observe("/observe/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        // (Camel's health answer escapes each / as \/ inside its strings)
        String reason = ExpressChatStub.read(ready.body()).path("checks").get(0).path("message").asText();
        assertThat(reason.replace("\\/", "/")).startsWith(folder + " cannot take files").contains(cause);
        assertThat(observe("/observe/metrics").body()).contains("statussync_storage_unusable 1.0");
        // the batches in flight when the input stopped end; then nothing more goes out, and it stays claimed
        AtomicInteger puts = new AtomicInteger(-1);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofMillis(2500)).pollInterval(Duration.ofMillis(100))
                .until(() -> Files.exists(held) && puts.getAndSet(expressChat.requests().size())
                                                   == expressChat.requests().size());
        assertThat(inbox().resolve(held.getFileName())).as("kept claimed, not put back into the inbox")
                .doesNotExist();
    }

    private void assertSentTwiceAtMost(int bound, int distinct) {
        List<String> sent = expressChat.receivedIds();
        assertThat(new HashSet<>(sent)).hasSize(distinct);
        assertThat(sent.size() - distinct).as("IDs sent twice").isLessThanOrEqualTo(bound);
    }

    private void assertRecovered() throws Exception {
        await().atMost(Duration.ofSeconds(5)).until(() -> observe("/observe/health/ready").statusCode() == 200);
        assertThat(observe("/observe/metrics").body()).contains("statussync_storage_unusable 0.0");
        try (Stream<Path> files = Stream.of(done(), error(), inbox()).flatMap(StorageHoldTest::walk)) {
            assertThat(files.map(Path::toString))
                    .as("no part file, no journal, nothing held").noneMatch(name -> name.endsWith(".part")
                            || name.contains(".journal-") || name.contains(".held/"));
        }
    }

    private static void breakFolder(Path folder) throws IOException {
        Files.delete(folder);
        Files.writeString(folder, "not a folder");
    }

    private static void repair(Path folder) throws IOException {
        Files.delete(folder);
        Files.createDirectory(folder);
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
