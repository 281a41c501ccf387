package com.expresschat.statussync.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.Samples;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

class SeedSampleTest extends StatusSyncTestSupport {

    @Test
    void seedLineBecomesExactlyTheSeedRequestAndIsArchivedAsDelivered() throws Exception {
        expressChat.acceptAll();

        dropComplete("seed.txt", "640f472d173951357f08edee,640f479fa79ef02edfb33dfc\n");

        JsonNode receipt = awaitDone("seed.txt");
        assertThat(receipt.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(receipt.path("counts").path("delivered").asLong()).isEqualTo(1);
        assertThat(Files.exists(done().resolve("seed.txt"))).isTrue();
        assertThat(expressChat.requests()).hasSize(1);
        String requestId = receipt.path("batches").get(0).path("requestId").asText();
        wireMock.verify(1, putRequestedFor(urlEqualTo(ExpressChatStub.PATH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", matching("application/json.*"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("X-Request-Id", equalTo(requestId))
                .withRequestBody(equalToJson(Samples.SEED_BODY)));
        assertThat(expressChat.requests().get(0).getBodyAsString()).isEqualTo(Samples.SEED_BODY);
    }
}
