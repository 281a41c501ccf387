package com.expresschat.statussync.durable;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.model.ExchangeKeys;
import com.expresschat.statussync.model.FailureClass;
import com.expresschat.statussync.model.Row;
import com.expresschat.statussync.storage.Claims;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.LogCapture;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * §5 "a per-input journal of batch outcomes lets a retried or restarted input skip what was already delivered":
 * an input resumes from the journal beside its claim (batches journaled are not sent again, the receipt counts
 * them, their dead letters are rebuilt once), a line a crash cut short is dropped, and an input that failed midway
 * (error/ broke) is put back and, once storage works, sends only what its journal does not hold.
 */
class JournalResumeTest extends StatusSyncTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.batch-size", "10");
        p.setProperty("statussync.delivery.concurrency", "1");
        p.setProperty("statussync.isolation.enabled", "false");
    }

    @Test
    void aRestartedInputSendsOnlyWhatItsJournalDoesNotHoldAndRebuildsItsDeadLettersOnce() throws Exception {
        expressChat.acceptAll();
        String name = "resumed.txt";
        String content = ids(100, 1);
        // the input as an earlier run had claimed it: the file, and beside it (same identity) its journal
        Path staged = Files.writeString(Files.createDirectories(data().resolve("staging")).resolve(name), content);
        String identity = Claims.identityOf(staged);
        ByteArrayOutputStream journal = new ByteArrayOutputStream();
        for (int batch = 1; batch <= 4; batch++) {
            journal.write(line(BatchOutcome.delivered(batch(name, batch), 1, 200, "{\"updated\":true}",
                    Instant.now())));
        }
        journal.write(line(BatchOutcome.deadLettered(batch(name, 5), 1, FailureClass.REJECTED, 400,
                "{\"error\":\"unknown user\"}", null, Instant.now())));
        // the tail a kill -9 cut in the middle of a line
        journal.write("{\"batch\":{\"inputName\":\"resumed.txt\",\"num".getBytes(StandardCharsets.UTF_8));
        Path claimFolder = Files.createDirectories(inbox().resolve(Claims.FOLDER));
        Files.write(Claims.journalBeside(claimFolder.resolve(name), identity), journal.toByteArray());
        // and the dead-letter file that run had published just before it was killed
        Files.createDirectories(error());
        Files.writeString(error().resolve(name + ".rejected.ndjson"), "{\"id\":\"" + objectId(41) + "\"}\n");
        Files.writeString(error().resolve(name + ".rejected.ndjson.error.json"), "{\"claim\":\"" + identity + "\"}");

        Files.move(staged, inbox().resolve(name));
        JsonNode receipt = awaitDone(name);

        // batches 6..10 only
        assertThat(expressChat.receivedIds()).containsExactlyInAnyOrderElementsOf(ids(50, 51).lines().toList());
        assertThat(receipt.path("outcome").asText()).isEqualTo("PARTIAL");
        JsonNode counts = receipt.path("counts");
        assertThat(counts.path("rows").asInt()).isEqualTo(100);
        assertThat(counts.path("delivered").asInt()).isEqualTo(90);
        assertThat(counts.path("deadLettered").asInt()).isEqualTo(10);
        assertThat(counts.path("sent").asInt()).isEqualTo(100);
        assertThat(counts.path("batches").asInt()).isEqualTo(10);
        assertThat(receipt.path("batches")).hasSize(10);
        assertThat(receipt.path("batches").get(0).path("requestId").asText()).isEqualTo("journaled-1");
        // the dead letters of batch 5, once: the file of the same claim is replaced, not joined by a -2
        assertThat(Files.readAllLines(error().resolve(name + ".rejected.ndjson")))
                .hasSize(10).allMatch(l -> l.contains("\"status\":\"DELETED\""));
        assertThat(error().resolve("resumed-2.txt.rejected.ndjson")).doesNotExist();
        assertThat(error().resolve(name + ".rejected.ndjson").resolveSibling("resumed.txt-2.rejected.ndjson"))
                .doesNotExist();
        try (var left = Files.list(claimFolder)) {
            assertThat(left).as("journal removed once the input is archived").isEmpty();
        }
    }

    @Test
    void anInputThatFailedMidwayResendsOnlyTheBatchesItsJournalDoesNotHold() throws Exception {
        expressChat.stubFor(ExpressChatStub.statusUpdate().willReturn(okJson("{\"updated\":true}").withFixedDelay(50)));
        // the last batch (IDs 91..100) is refused, slowly: meanwhile error/ breaks, its dead letter cannot be written
        expressChat.stubFor(ExpressChatStub.statusUpdate().withRequestBody(containing(objectId(95)))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"unknown user\"}").withFixedDelay(1500)));
        NotifyBuilder failed = new NotifyBuilder(context).fromRoute(ExchangeKeys.FILE_INTAKE_ROUTE).whenFailed(1)
                .create();
        dropComplete("midway.txt", ids(100, 1));

        // WireMock lists a request once answered: batches 1..9 are, batch 10 waits for its slow refusal
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> expressChat.requests().size() >= 9);
        Files.delete(error());
        Files.writeString(error(), "not a folder");
        assertThat(failed.matches(10, TimeUnit.SECONDS)).as("the input failed").isTrue();
        // stopped by the storage fault: kept claimed until error/ works
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(inbox().resolve(".claimed/.held/midway.txt")));
        int firstRun = expressChat.requests().size();
        assertThat(firstRun).isEqualTo(10);

        // the refused batch is sent again: now answered at once (only what is sent counts here)
        expressChat.stubFor(ExpressChatStub.statusUpdate().withRequestBody(containing(objectId(95)))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"unknown user\"}")));
        Files.delete(error());
        Files.createDirectory(error());
        JsonNode receipt = awaitDone("midway.txt");

        assertThat(receipt.path("outcome").asText()).isEqualTo("PARTIAL");
        assertThat(receipt.path("counts").path("delivered").asInt()).isEqualTo(90);
        assertThat(receipt.path("counts").path("deadLettered").asInt()).isEqualTo(10);
        assertThat(receipt.path("batches")).hasSize(10);
        // the refused batch again, plus at most the outcomes still on their way to the journal when the input failed
        // (the batches in flight: concurrency 1, and the one the splitter's own thread runs); today's main: all 10
        int retry = expressChat.requests().size() - firstRun;
        System.out.println("JournalResumeTest: the retry sent " + retry + " of 10 batches");
        assertThat(retry).isBetween(1, 1 + 2);
        assertThat(LogCapture.text()).contains("Input midway.txt resumes");
        assertThat(Files.readAllLines(error().resolve("midway.txt.rejected.ndjson"))).hasSize(10);
    }

    private static Batch batch(String name, int number) {
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            int line = (number - 1) * 10 + i;
            rows.add(Row.of(line, objectId(line), null, null));
        }
        return new Batch(name, number, "DELETED", rows, "journaled-" + number);
    }

    private static byte[] line(BatchOutcome outcome) throws Exception {
        return (JSON.writeValueAsString(outcome) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
