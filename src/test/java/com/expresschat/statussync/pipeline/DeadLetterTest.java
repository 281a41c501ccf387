package com.expresschat.statussync.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/** A batch express-chat refuses is dead-lettered in a replayable file (§4, §5). */
class DeadLetterTest extends StatusSyncTestSupport {

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.batch-size", "2");
    }

    @Test
    void a400ToOneIdOfSixIsPartialAndItsDeadLetterReplaysExactlyThatIdAndTakesItsReportAlong() throws Exception {
        expressChat.acceptAll();
        String refused = objectId(3);
        expressChat.stubFor(ExpressChatStub.statusUpdate().atPriority(1)
                .withRequestBody(containing(refused))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"unknown user\"}")));
        dropComplete("six.txt", ids(6, 1));

        JsonNode receipt = awaitDone("six.txt");

        assertThat(receipt.path("outcome").asText()).isEqualTo("PARTIAL");
        assertThat(receipt.path("counts").path("delivered").asInt()).isEqualTo(5);
        assertThat(receipt.path("counts").path("deadLettered").asInt()).isEqualTo(1);
        assertThat(receipt.path("counts").path("refused").asInt()).isEqualTo(1);
        assertThat(receipt.path("counts").path("isolationRequests").asInt()).isEqualTo(2);
        // three batches, then batch 2 ([3, 4], refused) isolated in two single-ID PUTs; REJECTED is not retried
        assertThat(expressChat.requests()).hasSize(5);
        assertThat(receipt.path("deadLetterFiles")).hasSize(1);
        Path deadLetter = Path.of(receipt.path("deadLetterFiles").get(0).asText());
        assertThat(deadLetter.getParent()).isEqualTo(error());
        assertThat(deadLetter.getFileName().toString()).isEqualTo("six.txt.rejected.ndjson");
        assertThat(Files.readAllLines(deadLetter)).containsExactly(
                "{\"id\":\"" + objectId(3) + "\",\"status\":\"DELETED\"}");
        JsonNode why = ExpressChatStub.read(Files.readString(error().resolve("six.txt.rejected.ndjson.error.json")));
        assertThat(why.path("failureClass").asText()).isEqualTo("REJECTED");
        assertThat(why.path("httpStatus").asInt()).isEqualTo(400);
        assertThat(why.path("response").asText()).contains("unknown user");
        assertThat(why.path("attempts").asInt()).isEqualTo(1);
        assertThat(why.path("input").asText()).isEqualTo("six.txt");
        assertThat(why.path("refused")).singleElement().satisfies(id -> {
            assertThat(id.path("id").asText()).isEqualTo(objectId(3));
            assertThat(id.path("httpStatus").asInt()).isEqualTo(400);
            assertThat(id.path("response").asText()).contains("unknown user");
        });

        // the operator's fix is done upstream: express-chat now accepts; move the dead letter back to replay it
        wireMock.resetAll();
        expressChat.acceptAll();
        Files.move(deadLetter, inbox().resolve(deadLetter.getFileName()));

        JsonNode replay = awaitDone("six.txt.rejected.ndjson");
        assertThat(replay.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(expressChat.receivedIds()).containsExactly(objectId(3));
        // its report left error/ with it: archived beside the replay's receipt
        assertThat(listNames(error())).isEmpty();
        assertThat(ExpressChatStub.read(Files.readString(done().resolve("six.txt.rejected.ndjson.error.json")))
                .path("deadLetterFile").asText()).isEqualTo("six.txt.rejected.ndjson");
        assertThat(replay.path("replayedReport").asText())
                .isEqualTo(done().resolve("six.txt.rejected.ndjson.error.json").toString());
    }

    private static List<String> listNames(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
