package com.expresschat.statussync.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.BatchRecord;
import com.expresschat.statussync.model.Outcome;
import com.expresschat.statussync.model.Receipt;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/** TRANSIENT failures are retried with backoff (§4); retries give up into a dead letter. */
class RetryTest extends StatusSyncTestSupport {

    @Override
    protected void settings(Properties p) {
        // attempts are counted here, not timed (FaultMatrixTest times them)
        p.setProperty("statussync.retry.initial-delay", "10ms");
        p.setProperty("statussync.retry.max-delay", "50ms");
    }

    @Test
    void twoServiceUnavailableThenOkIsDeliveredAfterThreeRequests() throws Exception {
        expressChat.stubFor(ExpressChatStub.statusUpdate().inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("failed once"));
        expressChat.stubFor(ExpressChatStub.statusUpdate().inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("failed twice"));
        expressChat.stubFor(ExpressChatStub.statusUpdate().inScenario("flaky").whenScenarioStateIs("failed twice")
                .willReturn(okJson("{\"ok\":true}")));
        Receipt receipt = process("flaky.txt", ids(3, 1));

        assertThat(receipt.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(expressChat.requests()).hasSize(3);
        BatchRecord batch = receipt.batches().iterator().next();
        assertThat(batch.attempts()).isEqualTo(3);
        // every attempt of the batch carries the same request id
        assertThat(expressChat.requests()).map(r -> r.getHeader("X-Request-Id")).containsOnly(batch.requestId());
    }

    @Test
    void aBatchThatKeepsFailingIsDeadLetteredAsTransientAfterAllRetries() throws Exception {
        expressChat.stubFor(ExpressChatStub.statusUpdate().willReturn(aResponse().withStatus(500).withBody("boom")));
        Receipt receipt = process("down.txt", ids(2, 1));

        assertThat(receipt.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(expressChat.requests()).hasSize(6); // 1 attempt + 5 retries
        JsonNode why = ExpressChatStub.read(Files.readString(error().resolve("down.txt.transient.ndjson.error.json")));
        assertThat(why.path("failureClass").asText()).isEqualTo("TRANSIENT");
        assertThat(why.path("attempts").asInt()).isEqualTo(6);
        assertThat(why.path("httpStatus").asInt()).isEqualTo(500);
    }
}
