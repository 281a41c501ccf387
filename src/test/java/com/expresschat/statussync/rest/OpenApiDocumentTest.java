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

        JsonNode schemes = api.path("components").path("securitySchemes");
        assertThat(schemes.path("basicAuth").path("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.path("bearerAuth").path("bearerFormat").asText()).isEqualTo("JWT");
        List<String> required = new ArrayList<>();
        api.path("security").forEach(alternative -> required.addAll(names(alternative)));
        assertThat(required).containsExactlyInAnyOrder("basicAuth", "bearerAuth");
        assertThat(names(api.path("components").path("schemas"))).contains("Receipt", "Problem", "InvalidRow");
        assertThat(names(api.path("components").path("schemas").path("Problem").path("properties")))
                .contains("type", "title", "status", "detail", "invalidRows");
    }

    @Test
    void theDocumentEchoesNoRequestHeaderOrQueryParameter() throws Exception {
        HttpResponse<String> response = rest().send(rest().request(DOCUMENT + "?x-evil=1")
                .header("X-Request-Id", "evil").header("X-Forwarded-Host", "evil.example").GET());

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
