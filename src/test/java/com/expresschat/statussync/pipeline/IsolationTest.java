package com.expresschat.statussync.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.BatchRecord;
import com.expresschat.statussync.model.IsolationRecord;
import com.expresschat.statussync.model.Outcome;
import com.expresschat.statussync.model.Receipt;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * Per-ID failure isolation (§4) over real HTTP: WireMock refuses (400) any PUT whose body holds a refused ID and
 * accepts every other, so only bisection down to single IDs can tell the refused IDs from the rest of their batch.
 * Default settings: batches of 100, isolation on with its auto budget (42 extra requests per batch).
 */
class IsolationTest extends StatusSyncTestSupport {

    private static final int BUDGET = 42;
    private static final int MAX_RETRIES = 2;

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.retry.max-retries", String.valueOf(MAX_RETRIES));
        p.setProperty("statussync.retry.max-delay", "200ms");
    }

    @Test
    void oneRefusedIdOfAHundredIsTheOnlyOneDeadLetteredWithItsOwnAnswer() throws Exception {
        expressChat.acceptAll();
        String refused = objectId(42); // the 42nd ID of the batch: 100 > 50 > 25 > 13 > 7 > 4 > 2 > 1
        refuse(refused);

        Receipt receipt = process("hundred.txt", ids(100, 1));

        assertThat(receipt.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(receipt.counts().delivered()).isEqualTo(99);
        assertThat(receipt.counts().deadLettered()).isEqualTo(1);
        assertThat(receipt.counts().refused()).isEqualTo(1);
        // seven halvings, both halves of each sent: 2 * ceil(log2(100)) = 14 requests beside the batch's own
        assertThat(receipt.counts().isolationRequests()).isEqualTo(14);
        assertThat(expressChat.requests()).hasSize(1 + 14);
        assertThat(requestIds()).doesNotHaveDuplicates();
        assertThat(acceptedIds()).hasSize(99).doesNotHaveDuplicates().doesNotContain(refused)
                .containsExactlyInAnyOrderElementsOf(allBut(ids(100, 1), List.of(refused)));

        BatchRecord batch = onlyBatch(receipt);
        assertThat(batch.result()).isEqualTo("ISOLATED");
        assertThat(batch.httpStatus()).isEqualTo(400);
        IsolationRecord isolation = batch.isolation();
        assertThat(isolation.requests()).isEqualTo(14);
        assertThat(isolation.delivered()).isEqualTo(99);
        assertThat(isolation.notIsolated()).isEmpty();
        assertThat(isolation.refused()).singleElement().satisfies(id -> {
            assertThat(id.id()).isEqualTo(refused);
            assertThat(id.httpStatus()).isEqualTo(400);
            assertThat(id.response()).isEqualTo(answerTo(refused));
            assertThat(id.requestId()).startsWith(batch.requestId() + ".");
        });

        Path deadLetter = Path.of(receipt.deadLetterFiles().get(0));
        assertThat(receipt.deadLetterFiles()).hasSize(1);
        assertThat(Files.readAllLines(deadLetter)).containsExactly("{\"id\":\"" + refused + "\",\"status\":\"DELETED\"}");
        JsonNode report = ExpressChatStub.read(Files.readString(Path.of(deadLetter + ".error.json")));
        assertThat(report.path("refusedAlone").asInt()).isEqualTo(1);
        assertThat(report.path("refused").get(0).path("id").asText()).isEqualTo(refused);
        assertThat(report.path("refused").get(0).path("httpStatus").asInt()).isEqualTo(400);
        assertThat(report.path("refused").get(0).path("response").asText()).isEqualTo(answerTo(refused));
        assertThat(report.has("notIsolated")).isFalse();
    }

    @Test
    void threeRefusedIdsSpreadOverTheBatchAreExactlyTheThreeDeadLetteredAndTheirReplaySendsOnlyThem()
            throws Exception {
        expressChat.acceptAll();
        List<String> refused = List.of(objectId(6), objectId(51), objectId(95));
        refused.forEach(this::refuse);
        dropComplete("three.txt", ids(100, 1));

        JsonNode receipt = awaitDone("three.txt");

        assertThat(receipt.path("outcome").asText()).isEqualTo("PARTIAL");
        assertThat(receipt.path("counts").path("delivered").asInt()).isEqualTo(97);
        assertThat(receipt.path("counts").path("deadLettered").asInt()).isEqualTo(3);
        assertThat(receipt.path("counts").path("refused").asInt()).isEqualTo(3);
        int isolationRequests = receipt.path("counts").path("isolationRequests").asInt();
        assertThat(isolationRequests).isEqualTo(36).isLessThanOrEqualTo(BUDGET);
        assertThat(expressChat.requests()).hasSize(1 + isolationRequests);
        assertThat(acceptedIds()).hasSize(97).doesNotHaveDuplicates().doesNotContainAnyElementsOf(refused);
        JsonNode isolation = receipt.path("batches").get(0).path("isolation");
        assertThat(isolation.path("refused")).extracting(id -> id.path("id").asText())
                .containsExactlyElementsOf(refused);
        assertThat(isolation.path("refused")).allSatisfy(id -> assertThat(id.path("response").asText())
                .isEqualTo(answerTo(id.path("id").asText())));
        Path deadLetter = Path.of(receipt.path("deadLetterFiles").get(0).asText());
        assertThat(Files.readAllLines(deadLetter)).hasSize(3);

        // replay: only the three refused IDs are sent, and their report leaves error/ with the file
        wireMock.resetAll();
        expressChat.acceptAll();
        Files.move(deadLetter, inbox().resolve(deadLetter.getFileName()));
        JsonNode replay = awaitDone(deadLetter.getFileName().toString());

        assertThat(replay.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(expressChat.receivedIds()).containsExactlyElementsOf(refused);
        try (var left = Files.list(error())) {
            assertThat(left).isEmpty();
        }
        assertThat(done().resolve(deadLetter.getFileName() + ".error.json")).exists();
    }

    @Test
    void aBatchWhoseEveryIdIsRefusedIsDeadLetteredWholeWithinTheBudget() throws Exception {
        expressChat.stubFor(ExpressChatStub.statusUpdate()
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"unknown status\"}")));

        Receipt receipt = process("all.txt", ids(100, 1));

        assertThat(receipt.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(receipt.counts().deadLettered()).isEqualTo(100);
        assertThat(receipt.counts().refused()).isZero();
        // both halves and all four quarters refused: express-chat refuses the request, isolation stops there
        assertThat(receipt.counts().isolationRequests()).isEqualTo(6).isLessThanOrEqualTo(BUDGET);
        assertThat(expressChat.requests()).hasSize(1 + 6);
        IsolationRecord isolation = onlyBatch(receipt).isolation();
        assertThat(isolation.notIsolated()).hasSize(4).allSatisfy(part -> {
            assertThat(part.result()).isEqualTo("REJECTED");
            assertThat(part.ids()).hasSize(25);
        });
        List<String> deadLettered = Files.readAllLines(Path.of(receipt.deadLetterFiles().get(0)));
        assertThat(deadLettered).hasSize(100);
        JsonNode report = ExpressChatStub.read(Files.readString(Path.of(receipt.deadLetterFiles().get(0) + ".error.json")));
        assertThat(report.path("notIsolated").asInt()).isEqualTo(100);
    }

    @Test
    void aRefusedTokenIsNeverBisected() throws Exception {
        assertNotBisected(401, "AUTH", 1);
    }

    @Test
    void aThrottledBatchIsRetriedThenDeadLetteredButNeverBisected() throws Exception {
        assertNotBisected(429, "THROTTLED", 1 + MAX_RETRIES);
    }

    @Test
    void aBatchExpressChatCannotTakeIsRetriedThenDeadLetteredButNeverBisected() throws Exception {
        assertNotBisected(503, "TRANSIENT", 1 + MAX_RETRIES);
    }

    /** Every PUT answered {@code status}: the batch's own attempts only, all with its request id. */
    private void assertNotBisected(int status, String failureClass, int requests) throws Exception {
        expressChat.stubFor(ExpressChatStub.statusUpdate().willReturn(aResponse().withStatus(status)));

        Receipt receipt = process("not-bisected.txt", ids(100, 1));

        assertThat(onlyBatch(receipt).result()).isEqualTo(failureClass);
        assertThat(receipt.counts().isolationRequests()).isZero();
        assertThat(expressChat.requests()).hasSize(requests);
        assertThat(requestIds()).containsOnly(onlyBatch(receipt).requestId());
    }

    @Test
    void aHalfThatIsAnswered503IsRetriedAndDeliveredAndAHalfAnswered401IsDeadLetteredAuthNotBisected()
            throws Exception {
        String refused = objectId(10);
        // the batch is refused; its first half (IDs 1-50) is answered 503 once, then accepted; the second half
        // (IDs 51-100) is answered 401
        expressChat.stubFor(ExpressChatStub.statusUpdate().atPriority(5)
                .willReturn(aResponse().withStatus(400).withBody(answerTo(refused))));
        expressChat.stubFor(ExpressChatStub.statusUpdate().atPriority(1).withHeader("X-Request-Id", matching(".*\\.1"))
                .inScenario("flaky").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(503)));
        expressChat.stubFor(ExpressChatStub.statusUpdate().atPriority(1).withHeader("X-Request-Id", matching(".*\\.1"))
                .inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        expressChat.stubFor(ExpressChatStub.statusUpdate().atPriority(1).withHeader("X-Request-Id", matching(".*\\.2"))
                .willReturn(aResponse().withStatus(401)));

        Receipt receipt = process("halves.txt", ids(100, 1));

        IsolationRecord isolation = onlyBatch(receipt).isolation();
        assertThat(isolation.requests()).isEqualTo(2);
        assertThat(isolation.delivered()).isEqualTo(50);
        assertThat(isolation.notIsolated()).singleElement().satisfies(part -> {
            assertThat(part.result()).isEqualTo("AUTH");
            assertThat(part.ids()).hasSize(50);
        });
        // the batch, the first half twice (503, then 200), the second half once (401): nothing more
        assertThat(expressChat.requests()).hasSize(4);
        assertThat(receipt.outcome()).isEqualTo(Outcome.PARTIAL);
    }

    private void refuse(String id) {
        expressChat.stubFor(ExpressChatStub.statusUpdate().atPriority(1).withRequestBody(containing(id))
                .willReturn(aResponse().withStatus(400).withBody(answerTo(id))));
    }

    private static String answerTo(String id) {
        return "{\"error\":\"unknown user " + id + "\"}";
    }

    /** The IDs of every PUT that no refused ID was part of (WireMock answered 200). */
    private List<String> acceptedIds() {
        List<String> ids = new ArrayList<>();
        wireMock.getAllServeEvents().stream()
                .filter(event -> event.getResponse().getStatus() == 200)
                .forEach(event -> ExpressChatStub.read(event.getRequest().getBodyAsString()).get("ids")
                        .forEach(id -> ids.add(id.asText())));
        return ids;
    }

    private List<String> requestIds() {
        return expressChat.requests().stream().map(r -> r.getHeader("X-Request-Id")).toList();
    }

    private static BatchRecord onlyBatch(Receipt receipt) {
        List<BatchRecord> batches = StreamSupport.stream(receipt.batches().spliterator(), false).toList();
        assertThat(batches).hasSize(1);
        return batches.get(0);
    }

    private static List<String> allBut(String lines, Collection<String> refused) {
        return lines.lines().filter(id -> !refused.contains(id)).toList();
    }
}
