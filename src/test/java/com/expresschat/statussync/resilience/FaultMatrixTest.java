package com.expresschat.statussync.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.expresschat.statussync.model.Outcome;
import com.expresschat.statussync.model.Receipt;
import com.expresschat.statussync.pause.IntakeGate;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The fault table of §4 against WireMock: for each answer or fault, the exact number of requests, the
 * spacing between attempts, the outcome and where every ID ended. Retry settings: 2 retries, 200 ms first
 * delay (x2, ±20% jitter), 2 s cap; response timeout 1 s.
 */
class FaultMatrixTest extends StatusSyncTestSupport {

    static final long CAP_MS = 2000;

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.retry.max-retries", "2");
        p.setProperty("statussync.retry.initial-delay", "200ms");
        p.setProperty("statussync.retry.max-delay", CAP_MS + "ms");
        p.setProperty("statussync.delivery.response-timeout", "1000");
        // this table is about single batches; the circuit has its own test
        p.setProperty("statussync.circuit.minimum-calls", "1000");
    }

    /** One row of the fault table: the answer, the class it ends in, requests made, gap between attempts. */
    record Row(String name, Supplier<ResponseDefinitionBuilder> answer, String failureClass, int requests,
            long minGapMs, long maxGapMs, int isolationRequests) {

        Row(String name, Supplier<ResponseDefinitionBuilder> answer, String failureClass, int requests, long minGapMs,
                long maxGapMs) {
            this(name, answer, failureClass, requests, minGapMs, maxGapMs, 0);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> faults() {
        List<Row> table = new ArrayList<>();
        for (int status : new int[] { 500, 502, 503, 504, 408 }) {
            table.add(new Row("HTTP " + status, () -> aResponse().withStatus(status), "TRANSIENT", 3, 160, 1000));
        }
        // honoured, not the back-off (200/400 ms) and not the cap: the first gap ends before the cap would
        table.add(new Row("429 Retry-After: 1", () -> aResponse().withStatus(429).withHeader("Retry-After", "1"),
                "THROTTLED", 3, 950, 1900));
        // a date 20 s ahead: both retries wait for it, capped (a date not understood would give 200/400 ms)
        table.add(new Row("429 Retry-After: HTTP date",
                () -> aResponse().withStatus(429).withHeader("Retry-After", httpDate(20)), "THROTTLED", 3, CAP_MS - 50,
                CAP_MS + 1500));
        table.add(new Row("503 Retry-After: 3600 (capped)",
                () -> aResponse().withStatus(503).withHeader("Retry-After", "3600"), "TRANSIENT", 3, CAP_MS - 50,
                CAP_MS + 1500));
        // REJECTED: one attempt, then isolation sends each of the two IDs alone (both refused: see IsolationTest)
        for (int status : new int[] { 400, 404, 409, 422 }) {
            table.add(new Row("HTTP " + status, () -> aResponse().withStatus(status).withBody("{\"error\":\"no\"}"),
                    "REJECTED", 1, 0, 0, 2));
        }
        for (int status : new int[] { 401, 403 }) {
            table.add(new Row("HTTP " + status, () -> aResponse().withStatus(status), "AUTH", 1, 0, 0));
        }
        table.add(new Row("connection reset", () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                "TRANSIENT", 3, 160, 1000));
        table.add(new Row("empty response", () -> aResponse().withFault(Fault.EMPTY_RESPONSE),
                "TRANSIENT", 3, 160, 1000));
        // WireMock takes about a second to break off the chunked body, which adds to the gap
        table.add(new Row("malformed chunked response",
                () -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), "TRANSIENT", 3, 160, 2000));
        table.add(new Row("slower than the response timeout",
                // at least the 1 s timeout (request times are taken on arrival, the timeout runs from the send)
                () -> aResponse().withStatus(200).withFixedDelay(2500), "TRANSIENT", 3, 1000, 2500));
        return table.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void everyFaultEndsWhereTheTableSays(Row fault) throws Exception {
        expressChat.stubFor(ExpressChatStub.statusUpdate().willReturn(fault.answer().get()));
        Receipt receipt = process("two.txt", ids(2, 1));

        assertThat(receipt.outcome()).isEqualTo(Outcome.FAILED);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(expressChat.requests())
                .hasSize(fault.requests() + fault.isolationRequests()));
        String requestId = receipt.batches().iterator().next().requestId();
        List<LoggedRequest> attempts = expressChat.requests().stream()
                .filter(r -> requestId.equals(r.getHeader("X-Request-Id"))).toList();
        assertThat(attempts).hasSize(fault.requests());
        assertGaps(attempts, fault.minGapMs(), fault.maxGapMs());
        assertThat(receipt.counts().isolationRequests()).isEqualTo(fault.isolationRequests());
        String deadLetter = "two.txt." + fault.failureClass().toLowerCase() + ".ndjson";
        assertThat(Files.readAllLines(error().resolve(deadLetter)))
                .containsExactly(line(objectId(1)), line(objectId(2)));
        JsonNode why = ExpressChatStub.read(Files.readString(error().resolve(deadLetter + ".error.json")));
        assertThat(why.path("failureClass").asText()).isEqualTo(fault.failureClass());
        assertThat(why.path("attempts").asInt()).isEqualTo(fault.requests());
        assertThat(why.path("httpStatus").isNumber() || !why.path("exception").asText().isEmpty()).isTrue();
        assertThat(receipt.counts().deadLettered()).isEqualTo(2);
        assertThat(receipt.deadLetterFiles()).containsExactly(error().resolve(deadLetter).toString());
        boolean paused = context.getRegistry().lookupByNameAndType("intakeGate", IntakeGate.class).isPaused();
        assertThat(paused).as("intake paused").isEqualTo("AUTH".equals(fault.failureClass()));
    }

    private static void assertGaps(List<LoggedRequest> requests, long minMs, long maxMs) {
        List<Long> times = requests.stream().map(r -> r.getLoggedDate().getTime()).sorted().toList();
        for (int i = 1; i < times.size(); i++) {
            long gap = times.get(i) - times.get(i - 1);
            assertThat(gap).as("gap before attempt " + (i + 1)).isBetween(minMs, maxMs * i);
        }
    }

    private static String line(String id) {
        return "{\"id\":\"" + id + "\",\"status\":\"DELETED\"}";
    }

    private static String httpDate(int secondsFromNow) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(secondsFromNow));
    }
}
