package com.expresschat.statussync.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * HttpClient 5.6 decompresses an answer but leaves its Content-Encoding header, and camel-http 4.18 then decompresses
 * it a second time ("Not in GZIP format", every 2xx a TRANSIENT failure). The PUT therefore asks for no compression
 * (camel.component.http.content-compression-disabled), and an answer compressed all the same is decoded once.
 */
class CompressedAnswerTest extends StatusSyncTestSupport {

    @Test
    void thePutAsksForNoCompressionAndTheAnswerIsKeptAsText() throws Exception {
        expressChat.acceptAll();
        dropComplete("plain.txt", ids(2, 1));

        JsonNode receipt = awaitDone("plain.txt");

        assertThat(receipt.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(receipt.path("batches").get(0).path("response").asText()).isEqualTo("{\"updated\":true}");
        assertThat(expressChat.requests().get(0).getHeader("Accept-Encoding")).isNull();
    }

    @Test
    void anAnswerCompressedUnaskedIsDecodedOnce() throws Exception {
        expressChat.stubFor(ExpressChatStub.statusUpdate().willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip")
                .withBody(gzip("{\"updated\":true}"))));
        dropComplete("gzipped.txt", ids(2, 1));

        JsonNode receipt = awaitDone("gzipped.txt");

        assertThat(receipt.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(receipt.path("batches").get(0).path("attempts").asInt()).isEqualTo(1);
        assertThat(receipt.path("batches").get(0).path("response").asText()).isEqualTo("{\"updated\":true}");
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
