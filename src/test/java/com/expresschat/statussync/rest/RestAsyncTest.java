package com.expresschat.statussync.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.RestClient;
import com.expresschat.statussync.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/** Prefer: respond-async (§6): stored in the inbox, answered 202, the receipt fetched later with GET. */
class RestAsyncTest extends RestTestSupport {

    @BeforeEach
    void accept() {
        expressChat.acceptAll();
    }

    @Test
    void storedInTheInboxAnswered202AndTheReceiptIsFetchedFromTheLocationOnceProcessed() throws Exception {
        context.getRouteController().suspendRoute("file-intake"); // holds the input in the inbox for the first GET
        String body = ids(3, 1);

        HttpResponse<String> accepted = postAsync("text/plain", body);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String name = ExpressChatStub.read(accepted.body()).path("input").asText();
        assertThat(name).matches("rest-[0-9a-f-]{36}\\.txt");
        assertThat(accepted.headers().firstValue("Location")).contains(RestClient.INTAKE + "/" + name);
        assertThat(accepted.headers().firstValue("Preference-Applied")).contains("respond-async");
        assertThat(Files.readString(inbox().resolve(name))).isEqualTo(body);
        assertThat(inboxEntries()).as("no part file left behind").hasSize(1);
        HttpResponse<String> early = rest().get(RestClient.INTAKE + "/" + name);
        assertThat(early.statusCode()).isEqualTo(404);
        assertThat(ExpressChatStub.read(early.body()).path("detail").asText()).contains("waiting in the inbox");
        assertThat(expressChat.requests()).isEmpty();

        context.getRouteController().resumeRoute("file-intake");
        JsonNode receipt = awaitReceipt(accepted.headers().firstValue("Location").orElseThrow());

        assertThat(receipt.path("input").asText()).isEqualTo(name);
        assertThat(receipt.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(expressChat.receivedIds()).containsExactly(objectId(1), objectId(2), objectId(3));
        // the receipt is answered as soon as it is written; the file consumer moves the input just after
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(done().resolve(name)));
    }

    @Test
    void eachFormatIsStoredUnderItsExtension() throws Exception {
        assertThat(inputName(postAsync("text/csv; charset=utf-8", "id\n" + objectId(1) + "\n"))).endsWith(".csv");
        assertThat(inputName(postAsync("application/json", "{\"ids\":[\"" + objectId(2) + "\"]}"))).endsWith(".json");
        assertThat(inputName(postAsync("application/x-ndjson", "{\"id\":\"" + objectId(3) + "\"}\n"))).endsWith(".ndjson");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(expressChat.receivedIds()).containsExactlyInAnyOrder(objectId(1), objectId(2), objectId(3)));
    }

    @Test
    void anInvalidBodyIsAcceptedAndItsReceiptSaysRejected() throws Exception {
        HttpResponse<String> accepted = postAsync("text/plain", "not-an-id\n");
        assertThat(accepted.statusCode()).isEqualTo(202);

        JsonNode receipt = awaitReceipt(accepted.headers().firstValue("Location").orElseThrow());

        assertThat(receipt.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(receipt.path("invalidRows").get(0).path("value").asText()).isEqualTo("not-an-id");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(error().resolve(inputName(accepted))));
        assertThat(expressChat.requests()).isEmpty();
    }

    @Test
    void anUnknownTypeIsRefusedAtOnceAndNothingIsStored() throws Exception {
        HttpResponse<String> refused = postAsync("application/xml", "<ids/>");

        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(inboxEntries()).isEmpty();
    }

    private HttpResponse<String> postAsync(String contentType, String body) throws Exception {
        return rest().send(rest().request(RestClient.INTAKE).header("Content-Type", contentType)
                .header("Prefer", "wait=5, respond-async").POST(BodyPublishers.ofString(body)));
    }

    private static String inputName(HttpResponse<String> accepted) {
        return ExpressChatStub.read(accepted.body()).path("input").asText();
    }

    private JsonNode awaitReceipt(String location) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> rest().get(location), response -> response.statusCode() == 200)
                .body().transform(ExpressChatStub::read);
    }
}
