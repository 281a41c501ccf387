package com.expresschat.statussync.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/** The application serves an OpenAPI document of the intake (§6), behind the same authentication. */
class OpenApiDocumentTest extends RestTestSupport {

    static final String DOCUMENT = "/api/v1/openapi.json";

    @Test
    void listsTheIntakeItsFourContentTypesItsAnswersAndItsSecuritySchemes() throws Exception {
        HttpResponse<String> response = rest().get(DOCUMENT);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode api = ExpressChatStub.read(response.body());

        assertThat(api.path("openapi").asText()).startsWith("3.");
        assertThat(api.path("servers").get(0).path("url").asText()).isEqualTo("/api/v1");
        JsonNode post = api.path("paths").path("/status-updates").path("post");
        assertThat(names(post.path("requestBody").path("content")))
                .containsExactlyInAnyOrder("application/json", "text/plain", "text/csv", "application/x-ndjson");
        assertThat(post.path("requestBody").path("required").asBoolean()).isTrue();
        assertThat(names(post.path("responses"))).containsExactlyInAnyOrder("200", "202", "400", "401", "413", "415", "502", "503");
        assertThat(names(post.path("responses").path("400").path("content"))).contains("application/problem+json");
        assertThat(post.path("responses").path("400").path("content").path("application/problem+json").path("schema")
                .path("$ref").asText()).isEqualTo("#/components/schemas/Problem");
        assertThat(post.path("responses").path("200").path("content").path("application/json").path("schema")
                .path("$ref").asText()).isEqualTo("#/components/schemas/Receipt");
        assertThat(names(post.path("responses").path("202").path("headers"))).contains("Location");
        assertThat(post.path("parameters").findValuesAsText("name")).contains("Prefer");

        JsonNode get = api.path("paths").path("/status-updates/{name}").path("get");
        assertThat(names(get.path("responses"))).containsExactlyInAnyOrder("200", "401", "404");

        // only the scheme the server has: these tests give it a users file, so HTTP Basic (RestJwtTest: JWT)
        JsonNode schemes = api.path("components").path("securitySchemes");
        assertThat(names(schemes)).containsExactly("basicAuth");
        assertThat(schemes.path("basicAuth").path("scheme").asText()).isEqualTo("basic");
        List<String> required = new ArrayList<>();
        api.path("security").forEach(alternative -> required.addAll(names(alternative)));
        assertThat(required).containsExactly("basicAuth");
        assertThat(names(api.path("components").path("schemas"))).contains("Receipt", "Problem", "InvalidRow", "StatusUpdate",
                "BatchRecord", "Accepted");
        assertThat(names(api.path("components").path("schemas").path("Problem").path("properties")))
                .contains("type", "title", "status", "detail", "invalidRows");
    }

    @Test
    void eachMediaTypeAndAnswerHasTheSchemaOfWhatIsReallySentAndServed() throws Exception {
        JsonNode api = ExpressChatStub.read(rest().get(DOCUMENT).body());
        JsonNode post = api.path("paths").path("/status-updates").path("post");
        JsonNode content = post.path("requestBody").path("content");

        // application/json: the endpoint's own body, or an array of such bodies (§2)
        JsonNode json = content.path("application/json").path("schema").path("oneOf");
        assertThat(json.get(0).path("$ref").asText()).isEqualTo("#/components/schemas/StatusUpdate");
        assertThat(json.get(1).path("type").asText()).isEqualTo("array");
        assertThat(json.get(1).path("items").path("$ref").asText()).isEqualTo("#/components/schemas/StatusUpdate");
        for (String text : List.of("text/plain", "text/csv", "application/x-ndjson")) {
            assertThat(content.path(text).path("schema").path("type").asText()).as(text).isEqualTo("string");
        }
        JsonNode statusUpdate = api.path("components").path("schemas").path("StatusUpdate").path("properties");
        assertThat(statusUpdate.path("ids").path("type").asText()).isEqualTo("array");

        // a receipt lists its batches
        JsonNode batches = api.path("components").path("schemas").path("Receipt").path("properties").path("batches");
        assertThat(batches.path("type").asText()).isEqualTo("array");
        assertThat(batches.path("items").path("$ref").asText()).isEqualTo("#/components/schemas/BatchRecord");

        JsonNode responses = post.path("responses");
        assertThat(names(responses.path("202").path("content"))).containsExactly("application/json");
        assertThat(responses.path("202").path("content").path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/Accepted");
        for (String problem : List.of("400", "401", "413", "415", "503")) {
            assertThat(names(responses.path(problem).path("content"))).as(problem).containsExactly("application/problem+json");
        }
        for (String receipt : List.of("200", "502")) {
            assertThat(names(responses.path(receipt).path("content"))).as(receipt).containsExactly("application/json");
        }
        assertThat(names(responses.path("401").path("headers"))).contains("WWW-Authenticate");
    }

    @Test
    void theDocumentEchoesNoRequestHeaderOrQueryParameter() throws Exception {
        HttpResponse<String> response = rest().send(rest().request(DOCUMENT + "?x-evil=1")
                .header("X-Request-Id", "evil").header("X-Forwarded-Host", "evil.example").header("Accept", "application/json")
                .GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().map().keySet()).containsOnly("content-type", "content-length");
        assertThat(response.body()).doesNotContain("evil");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
