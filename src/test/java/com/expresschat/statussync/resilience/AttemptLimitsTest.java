package com.expresschat.statussync.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.delivery.AttemptLimits;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.LogCapture;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one attempt may cost (§3): the whole attempt, answer included, is cut at connect + response timeout (here
 * 300 + 1500 ms), and an answer body is read only up to {@link AttemptLimits#MAX_BODY_BYTES}.
 */
class AttemptLimitsTest extends StatusSyncTestSupport {

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.delivery.connect-timeout", "300");
        p.setProperty("statussync.delivery.response-timeout", "1500");
        p.setProperty("statussync.retry.max-retries", "1");
    }

    @Test
    void anAnswerThatTricklesInIsCutAtTheDeadlineAndRetriedAsTransient() throws Exception {
        // 200 at once, then the body a chunk every 100 ms for 40 s: no single read waits anywhere near 1500 ms
        expressChat.stubFor(ExpressChatStub.statusUpdate().willReturn(
                okJson("{\"ok\":true,\"pad\":\"" + "x".repeat(800) + "\"}").withChunkedDribbleDelay(400, 40_000)));
        dropComplete("trickle.txt", ids(2, 1));

        // awaitDone waits 30 s at most: two attempts that each ran to the end of the answer would take 80 s
        JsonNode receipt = awaitDone("trickle.txt");

        assertThat(receipt.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(expressChat.requests()).hasSize(2);
        JsonNode why = ExpressChatStub.read(Files.readString(error().resolve("trickle.txt.transient.ndjson.error.json")));
        assertThat(why.path("failureClass").asText()).isEqualTo("TRANSIENT");
        assertThat(why.path("attempts").asInt()).isEqualTo(2);
        // two attempts of at most 1.8 s each, one retry delay (<= 1 s), and the time to take and finish the input
        assertThat(receipt.path("durationMs").asLong()).isLessThan(10_000);
        // the first attempt is cut by the deadline (the second may meet the read timeout first: WireMock is still
        // busy trickling the first answer into the closed connection)
        assertThat(LogCapture.text()).contains("Batch 1 of trickle.txt failed (TRANSIENT java.net.SocketTimeoutException: "
                + "no complete answer from express-chat within the attempt deadline of 1800 ms");
    }

    @Test
    void aHugeAnswerIsReadOnlyUpToTheLimitAndTheBatchIsDelivered() throws Exception {
        byte[] huge = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        expressChat.stubFor(ExpressChatStub.statusUpdate().willReturn(aResponse().withStatus(200).withBody(huge)));
        dropComplete("huge.txt", ids(250, 1));

        JsonNode receipt = awaitDone("huge.txt");

        assertThat(receipt.path("outcome").asText()).isEqualTo("DELIVERED");
        // three batches, each answered 10 MB, each on its own connection once the one before was cut
        assertThat(expressChat.requests()).hasSize(3);
        for (JsonNode batch : receipt.path("batches")) {
            assertThat(batch.path("attempts").asInt()).isEqualTo(1);
            assertThat(batch.path("response").asText())
                    .endsWith("... (" + AttemptLimits.MAX_BODY_BYTES + " chars)");
        }
    }

    @Test
    void aCompressedAnswerIsDecodedOnlyUpToTheLimit() throws Exception {
        // 50 MB of 'a' compress to about 50 KB: decoded whole, they would be 50 MB on the heap
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(bytes)) {
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 50; i++) {
                gzip.write(chunk);
            }
        }
        expressChat.stubFor(ExpressChatStub.statusUpdate().willReturn(aResponse().withStatus(200)
                .withHeader("Content-Encoding", "gzip").withBody(bytes.toByteArray())));
        dropComplete("bomb.txt", ids(2, 1));

        JsonNode receipt = awaitDone("bomb.txt");

        assertThat(receipt.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(receipt.path("batches").get(0).path("response").asText())
                .startsWith("aaaa").endsWith("... (" + AttemptLimits.MAX_BODY_BYTES + " chars)");
    }

    @Test
    void aSlowButCompleteAnswerWithinTheDeadlineIsDelivered() throws Exception {
        expressChat.stubFor(ExpressChatStub.statusUpdate().willReturn(
                okJson("{\"ok\":true}").withFixedDelay(300)));
        dropComplete("slow.txt", ids(2, 1));

        JsonNode receipt = awaitDone("slow.txt");

        assertThat(receipt.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(receipt.path("batches").get(0).path("response").asText()).isEqualTo("{\"ok\":true}");
    }
}
