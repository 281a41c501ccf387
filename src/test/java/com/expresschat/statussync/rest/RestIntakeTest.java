package com.expresschat.statussync.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.pause.IntakeGate;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.RestClient;
import com.expresschat.statussync.support.RestTestSupport;
import com.expresschat.statussync.support.Samples;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** A synchronous REST request goes through the same pipeline as a dropped file and is answered with its receipt. */
class RestIntakeTest extends RestTestSupport {

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.batch-size", "2");
    }

    @Test
    void seedSampleAsJsonIsAnswered200WithItsReceiptAfterExactlyTheSeedRequest() throws Exception {
        expressChat.acceptAll();

        HttpResponse<String> response = rest().post("application/json", Samples.SEED_BODY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode receipt = ExpressChatStub.read(response.body());
        assertThat(receipt.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(receipt.path("source").asText()).isEqualTo("rest");
        assertThat(receipt.path("format").asText()).isEqualTo("JSON");
        assertThat(receipt.path("input").asText()).matches("rest-[0-9a-f-]{36}\\.json");
        assertThat(receipt.path("counts").path("delivered").asInt()).isEqualTo(1);
        String requestId = receipt.path("batches").get(0).path("requestId").asText();
        wireMock.verify(1, putRequestedFor(urlEqualTo(ExpressChatStub.PATH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", matching("application/json.*"))
                .withHeader("X-Request-Id", equalTo(requestId))
                .withRequestBody(equalToJson(Samples.SEED_BODY)));
        assertThat(expressChat.requests()).hasSize(1);
        assertThat(expressChat.requests().get(0).getBodyAsString()).isEqualTo(Samples.SEED_BODY);
    }

    @Test
    void nothingOfTheInboundRequestButIdsAndStatusReachesExpressChatOrTheAnswer() throws Exception {
        expressChat.acceptAll();

        // two Authorization headers: the server authenticates the first, the second is the attacker's
        HttpResponse<String> response = rest().send(rest().request(RestClient.INTAKE + "?CamelHttpUri=http://evil/&status=ACTIVE")
                .header("Authorization", "Bearer attacker")
                .header("X-Request-Id", "evil")
                .header("CamelHttpUri", "http://evil/")
                .header("CamelHttpPath", "/x")
                .header("CamelHttpMethod", "DELETE")
                .header("X-Forwarded-Host", "evil.example")
                .header("Cookie", "session=evil")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(Samples.SEED_BODY)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String requestId = ExpressChatStub.read(response.body()).path("batches").get(0).path("requestId").asText();
        assertThat(requestId).isNotEqualTo("evil");
        assertThat(expressChat.requests()).hasSize(1);
        LoggedRequest sent = expressChat.requests().get(0);
        assertThat(sent.getMethod().getName()).isEqualTo("PUT");
        assertThat(URI.create(sent.getAbsoluteUrl())).isEqualTo(URI.create(expressChat.url()));
        assertThat(sent.getHeaders().getHeader("Authorization").values()).containsExactly("Bearer " + TOKEN);
        assertThat(sent.getHeaders().getHeader("X-Request-Id").values()).containsExactly(requestId);
        assertThat(sent.getHeaders().getHeader("Host").firstValue()).isEqualTo(URI.create(expressChat.url()).getAuthority());
        assertThat(sent.getHeaders().keys()).map(String::toLowerCase)
                .noneMatch(name -> name.startsWith("camel") || name.startsWith("x-forwarded") || name.equals("cookie")
                                   || name.equals("prefer"))
                // no accept-encoding: the PUT asks for no compression (camel.component.http.content-compression-disabled)
                .containsOnly("authorization", "x-request-id", "content-type", "accept", "host", "content-length",
                        "connection", "user-agent");
        assertThat(sent.getBodyAsString()).isEqualTo(Samples.SEED_BODY);
        assertThat(response.headers().map().keySet())
                .containsOnly("content-type", "content-length")
                .doesNotContain("x-request-id", "camelhttpuri", "authorization");
    }

    @Test
    void expressChatRefusingABatchIsAnswered502WithTheReceiptAndTheDeadLetterReplaysFromTheInbox() throws Exception {
        expressChat.acceptAll();
        expressChat.stubFor(ExpressChatStub.statusUpdate().atPriority(1)
                .withRequestBody(containing(objectId(3)))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"unknown user\"}")));

        HttpResponse<String> response = rest().post("text/plain", ids(6, 1));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode receipt = ExpressChatStub.read(response.body());
        assertThat(receipt.path("outcome").asText()).isEqualTo("PARTIAL");
        assertThat(receipt.path("counts").path("delivered").asInt()).isEqualTo(5);
        assertThat(receipt.path("counts").path("deadLettered").asInt()).isEqualTo(1);
        // the refused ID, found by isolation, with express-chat's answer to it alone
        JsonNode refused = receipt.path("batches").get(1).path("isolation").path("refused");
        assertThat(refused).singleElement().satisfies(id -> {
            assertThat(id.path("id").asText()).isEqualTo(objectId(3));
            assertThat(id.path("httpStatus").asInt()).isEqualTo(400);
            assertThat(id.path("response").asText()).isEqualTo("{\"error\":\"unknown user\"}");
        });
        Path deadLetter = Path.of(receipt.path("deadLetterFiles").get(0).asText());
        assertThat(deadLetter.getParent()).isEqualTo(error());
        assertThat(deadLetter.getFileName().toString()).isEqualTo(receipt.path("input").asText() + ".rejected.ndjson");

        // upstream fixed: moving the dead letter into the inbox sends exactly its IDs again
        wireMock.resetAll();
        expressChat.acceptAll();
        Files.move(deadLetter, inbox().resolve(deadLetter.getFileName()));

        assertThat(awaitDone(deadLetter.getFileName().toString()).path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(expressChat.receivedIds()).containsExactly(objectId(3));
    }

    @Test
    void whileIntakeIsPausedARequestIsAnswered503WithRetryAfterAndNothingIsTaken() throws Exception {
        expressChat.acceptAll();
        IntakeGate gate = context.getRegistry().lookupByNameAndType("intakeGate", IntakeGate.class);
        gate.pause(IntakeGate.Reason.EXPRESS_CHAT_FAILING);

        HttpResponse<String> sync = rest().post("text/plain", ids(1, 1));
        HttpResponse<String> async = rest().send(rest().request(RestClient.INTAKE).header("Content-Type", "text/plain")
                .header("Prefer", "respond-async").POST(BodyPublishers.ofString(ids(1, 1))));

        for (HttpResponse<String> refused : List.of(sync, async)) {
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("10"); // the probe interval
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(ExpressChatStub.read(refused.body()).path("detail").asText()).contains("circuit open");
        }
        assertThat(inboxEntries()).isEmpty();
        assertThat(expressChat.requests()).isEmpty();

        gate.resume();
        assertThat(rest().post("text/plain", ids(1, 1)).statusCode()).isEqualTo(200);
    }

    @Test
    void everyBatchRefusedIsAnswered502Failed() throws Exception {
        expressChat.stubFor(ExpressChatStub.statusUpdate().willReturn(aResponse().withStatus(422)));

        HttpResponse<String> response = rest().post("text/plain", ids(3, 1));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(ExpressChatStub.read(response.body()).path("outcome").asText()).isEqualTo("FAILED");
    }
}
