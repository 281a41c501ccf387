package com.expresschat.statussync.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.RestClient;
import com.expresschat.statussync.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/** Requests the intake refuses (§6): invalid input 400, unknown type 415, too large 413; express-chat sees nothing. */
class RestRefusalsTest extends RestTestSupport {

    static final int LIMIT = 2_000;

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.rest.max-body-size", String.valueOf(LIMIT));
    }

    @BeforeEach
    void accept() {
        expressChat.acceptAll();
    }

    @AfterEach
    void nothingSent() {
        assertThat(expressChat.requests()).isEmpty();
    }

    @Test
    void invalidRowsAre400ProblemNamingEachRow() throws Exception {
        String body = "640f472d173951357f08edee\nnot-an-id\n640f472d173951357f08edef,bad-subscriber\n# fine\n123\n";

        JsonNode problem = problem(rest().post("text/plain", body), 400);

        assertThat(problem.path("type").asText()).isEqualTo("urn:express-chat-status-sync:problem:invalid-input");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).contains("3 of 4 rows are invalid");
        assertThat(problem.path("input").asText()).matches("rest-[0-9a-f-]{36}\\.txt");
        assertThat(problem.path("invalidRowCount").asLong()).isEqualTo(3);
        JsonNode rows = problem.path("invalidRows");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).path("line").asInt()).isEqualTo(2);
        assertThat(rows.get(0).path("value").asText()).isEqualTo("not-an-id");
        assertThat(rows.get(0).path("reason").asText()).isNotBlank();
        assertThat(rows.get(1).path("line").asInt()).isEqualTo(3);
        assertThat(rows.get(1).path("reason").asText()).containsIgnoringCase("subscriber");
        assertThat(rows.get(2).path("line").asInt()).isEqualTo(5);
        assertThat(rows.get(2).path("value").asText()).isEqualTo("123");
    }

    @Test
    void aStatusOffTheAllowListIs400() throws Exception {
        JsonNode problem = problem(rest().post("application/json", "{\"ids\":[\"640f472d173951357f08edee\"],\"status\":\"ACTIVE\"}"), 400);

        assertThat(problem.path("invalidRows").get(0).path("reason").asText()).contains("ACTIVE");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        for (String body : List.of("{\"ids\":[\"640f472d173951357f08edee\"", "{\"ids\": 42}", "not json", "[1,2]")) {
            JsonNode problem = problem(rest().post("application/json", body), 400);

            assertThat(problem.path("detail").asText()).as(body).isNotBlank();
            assertThat(problem.path("invalidRows").isArray()).as(body).isTrue();
        }
    }

    @Test
    void anEmptyBodyIs400NoIds() throws Exception {
        assertThat(problem(rest().post("text/plain", ""), 400).path("detail").asText()).contains("no user IDs");
    }

    @Test
    void anUnknownTypeIs415() throws Exception {
        for (String contentType : List.of("application/xml", "text/html", "application/octet-stream",
                "multipart/form-data; boundary=x", "text/plain; charset=ISO-8859-1", "application/json; charset=utf-16")) {
            JsonNode problem = problem(rest().post(contentType, "640f472d173951357f08edee\n"), 415);

            assertThat(problem.path("type").asText()).as(contentType).endsWith(":unsupported-media-type");
            assertThat(problem.path("detail").asText()).as(contentType).contains("UTF-8");
        }
    }

    @Test
    void noContentTypeIs415() throws Exception {
        HttpResponse<String> response = rest().send(rest().request(RestClient.INTAKE)
                .POST(BodyPublishers.ofString("640f472d173951357f08edee\n")));

        assertThat(problem(response, 415).path("detail").asText()).contains("no Content-Type");
    }

    @Test
    void aBodyOverTheLimitIs413ByItsContentLength() throws Exception {
        HttpResponse<String> response = rest().post("text/plain", ids(LIMIT / 25 + 1, 1));

        // refused by the embedded server's own limit before the body is buffered, answered with the route's problem
        assertThat(problem(response, 413).path("type").asText()).endsWith(":body-too-large");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413ByItsActualSize() throws Exception {
        byte[] body = ids(LIMIT / 25 + 1, 1).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = rest().send(rest().request(RestClient.INTAKE).header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))); // no Content-Length: chunked

        assertThat(problem(response, 413).path("detail").asText()).contains("statussync.rest.max-body-size");
    }

    @Test
    void aBodyAtTheLimitIsTaken() throws Exception {
        String body = ids(LIMIT / 25, 1);
        assertThat(body).hasSize(LIMIT);

        assertThat(rest().post("text/plain", body).statusCode()).isEqualTo(200);

        wireMock.resetAll(); // for the check that nothing was sent in the other cases
    }

    @Test
    void aReceiptOfAnUnknownOrMalformedNameIs404() throws Exception {
        for (String name : List.of("..%2F..%2Fconfig%2Fapplication.properties", "..", "%2e%2e", "rest-..%2F..%2Fx.json",
                "seed.txt", "rest-00000000-0000-0000-0000-000000000000.exe", "REST-00000000-0000-0000-0000-000000000000.TXT",
                "rest-00000000-0000-0000-0000-000000000000.txt", "rest-00000000-0000-0000-0000-000000000000.txt%00",
                "x%0d%0aSet-Cookie:%20a=b")) {
            HttpResponse<String> response = rest().get(RestClient.INTAKE + "/" + name);

            assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(404);
        }
    }

    /** A Content-Type whose quoted parameter never ends (issue 10): 415 problem+json everywhere, never a 500. */
    @Test
    void aContentTypeWithAnUnterminatedQuotedParameterIs415() throws Exception {
        String broken = "text/plain; x=\"";

        JsonNode posted = problem(rest().post(broken, "640f472d173951357f08edee\n"), 415);
        assertThat(posted.path("detail").asText()).contains("Content-Type");
        for (String path : List.of(RestClient.INTAKE + "/rest-00000000-0000-0000-0000-000000000000.txt",
                "/api/v1/openapi.json")) {
            HttpResponse<String> get = rest().send(rest().request(path).header("Content-Type", broken).GET());
            assertThat(get.statusCode()).as(path + ": " + get.body()).isNotEqualTo(500);
            assertThat(get.headers().firstValue("Content-Type").orElse("")).as(path).contains("json");
        }
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = ExpressChatStub.read(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }
}
