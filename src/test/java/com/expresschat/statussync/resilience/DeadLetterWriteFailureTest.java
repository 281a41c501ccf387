package com.expresschat.statussync.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.ExchangeKeys;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.LogCapture;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * §5: a dead letter that cannot be written while the input is being delivered (error/ became unusable after the
 * check made before sending) stops the input: it stays claimed (inbox/.claimed/.held/), no receipt claims an outcome,
 * and it is processed again once error/ takes files. (Tests run as root, where permissions do not stop writes, so error/ is
 * made unusable by putting a plain file in its place while express-chat is still answering.)
 */
class DeadLetterWriteFailureTest extends StatusSyncTestSupport {

    private static final String ANSWERED = "answered";

    @Test
    void aDeadLetterThatCannotBeWrittenHoldsTheInputInItsClaim() throws Exception {
        // every PUT is refused; the first one slowly, so that error/ can break while it is on its way
        expressChat.stubFor(ExpressChatStub.statusUpdate().inScenario("first PUT").whenScenarioStateIs(STARTED)
                .willSetStateTo(ANSWERED).willReturn(refused().withFixedDelay(1000)));
        expressChat.stubFor(ExpressChatStub.statusUpdate().inScenario("first PUT").whenScenarioStateIs(ANSWERED)
                .willReturn(refused()));
        NotifyBuilder inputFailed = new NotifyBuilder(context).fromRoute(ExchangeKeys.FILE_INTAKE_ROUTE).whenFailed(1)
                .create();
        dropComplete("refused.txt", ids(2, 1));

        // the input passed the before-sending check and its batch is on its way: now error/ breaks
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> expressChat.requests().size() >= 1);
        Files.delete(error());
        Files.writeString(error(), "not a folder");

        // the dead letter could not be written: the input's exchange fails (the file consumer then leaves it)
        assertThat(inputFailed.matches(10, TimeUnit.SECONDS)).as("the input failed").isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> LogCapture.text().contains(error() + " cannot take files"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> Files.exists(inbox().resolve(".claimed/.held/refused.txt")));
        assertThat(done().resolve("refused.txt.receipt.json")).doesNotExist();
        // the batch, then its two halves (isolation), then the dead letters of both IDs could not be written
        assertThat(expressChat.requests()).hasSize(3);

        Files.delete(error());
        Files.createDirectory(error());

        JsonNode receipt = awaitDone("refused.txt");
        assertThat(receipt.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(receipt.path("counts").path("deadLettered").asInt()).isEqualTo(2);
        assertThat(error().resolve("refused.txt.rejected.ndjson")).exists();
        assertThat(expressChat.requests()).hasSize(6);
    }

    private static ResponseDefinitionBuilder refused() {
        return aResponse().withStatus(400).withBody("{\"error\":\"unknown user\"}");
    }
}
