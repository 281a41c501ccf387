package com.expresschat.statussync.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.model.FailureClass;
import com.expresschat.statussync.model.Row;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.Samples;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The seam between intake and delivery is real: a Batch is a self-contained message that survives Jackson
 * (as it would a broker), and direct:deliver-batch turns the deserialized copy into a BatchOutcome, which survives
 * Jackson too. Nothing of the input that made the batch is on the exchange.
 */
class BatchMessageTest extends StatusSyncTestSupport {

    private final ObjectMapper json = new ObjectMapper();

    private final Batch batch = new Batch("users.txt", 7, "DELETED",
            List.of(Row.of(1, Samples.USER_ID, Samples.SUBSCRIBER_ID, null), Row.of(2, Samples.userId(2), null, null)),
            "request-7");

    @Test
    void aBatchThatWentThroughJacksonIsDeliveredAndItsOutcomeGoesBackThroughJackson() throws Exception {
        expressChat.acceptAll();

        Batch received = json.readValue(json.writeValueAsBytes(batch), Batch.class);
        assertThat(received).isEqualTo(batch);

        BatchOutcome outcome = template.requestBody("direct:deliver-batch", received, BatchOutcome.class);

        assertThat(outcome.result()).isEqualTo(BatchOutcome.Result.DELIVERED);
        assertThat(outcome.batch()).isEqualTo(batch);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.httpStatus()).isEqualTo(200);
        assertThat(outcome.response()).isEqualTo("{\"updated\":true}");
        wireMock.verify(putRequestedFor(urlEqualTo(ExpressChatStub.PATH))
                .withHeader("X-Request-Id", equalTo("request-7"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        assertThat(expressChat.bodies()).singleElement().hasToString("{\"ids\":[\"" + Samples.USER_ID + "\",\""
                + Samples.userId(2) + "\"],\"status\":\"DELETED\",\"subscriberIds\":[\"" + Samples.SUBSCRIBER_ID + "\"]}");
        assertThat(json.readValue(json.writeValueAsBytes(outcome), BatchOutcome.class)).isEqualTo(outcome);
    }

    @Test
    void aRefusedBatchComesBackIsolatedWithEachIdsAnswerAndWritesNothing() throws Exception {
        expressChat.stubFor(ExpressChatStub.statusUpdate()
                .willReturn(aResponse().withStatus(422).withBody("{\"error\":\"unknown user\"}")));

        BatchOutcome outcome = template.requestBody("direct:deliver-batch",
                json.readValue(json.writeValueAsBytes(batch), Batch.class), BatchOutcome.class);

        assertThat(outcome.result()).isEqualTo(BatchOutcome.Result.ISOLATED);
        assertThat(outcome.failureClass()).isEqualTo(FailureClass.REJECTED);
        assertThat(outcome.httpStatus()).isEqualTo(422);
        assertThat(outcome.response()).contains("unknown user");
        assertThat(outcome.attempts()).isEqualTo(1);
        // both IDs refused on their own, each in a PUT of its own
        assertThat(outcome.isolation().requests()).isEqualTo(2);
        assertThat(outcome.isolation().refusedAlone()).extracting(part -> part.batch().requestId())
                .containsExactly("request-7.1", "request-7.2");
        assertThat(outcome.isolation().refusedAlone()).allSatisfy(part -> {
            assertThat(part.httpStatus()).isEqualTo(422);
            assertThat(part.response()).contains("unknown user");
        });
        assertThat(expressChat.requests()).hasSize(3);
        // the dead-letter file is the outcome stage's job: delivery wrote nothing
        assertThat(error()).isEmptyDirectory();
        assertThat(json.readValue(json.writeValueAsBytes(outcome), BatchOutcome.class)).isEqualTo(outcome);
    }
}
