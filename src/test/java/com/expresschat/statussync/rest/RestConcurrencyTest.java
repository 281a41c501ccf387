package com.expresschat.statussync.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.RestClient;
import com.expresschat.statussync.support.RestTestSupport;

/** Many clients at once: every request is answered and every ID is delivered exactly as requested. */
class RestConcurrencyTest extends RestTestSupport {

    static final int REQUESTS = 200;
    static final int IDS_PER_REQUEST = 10;

    @Test
    void twoHundredConcurrentRequestsOfTenIdsEach() throws Exception {
        expressChat.acceptAll();
        List<List<String>> requested = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int r = 0; r < REQUESTS; r++) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < IDS_PER_REQUEST; i++) {
                ids.add(objectId((long) r * IDS_PER_REQUEST + i + 1));
            }
            requested.add(ids);
            answers.add(http.sendAsync(rest().request(RestClient.INTAKE).header("Content-Type", "text/plain")
                    .POST(BodyPublishers.ofString(String.join("\n", ids))).build(), BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.join();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(ExpressChatStub.read(response.body()).path("counts").path("delivered").asInt()).isEqualTo(IDS_PER_REQUEST);
        }
        // one PUT per request (10 IDs < batch size), carrying exactly that request's IDs in its order
        List<List<String>> sent = expressChat.bodies().stream()
                .map(body -> {
                    List<String> ids = new ArrayList<>();
                    body.get("ids").forEach(id -> ids.add(id.asText()));
                    return ids;
                }).toList();
        assertThat(sent).containsExactlyInAnyOrderElementsOf(requested);
    }
}
