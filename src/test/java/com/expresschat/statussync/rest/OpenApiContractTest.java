package com.expresschat.statussync.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.pause.IntakeGate;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.RestClient;
import com.expresschat.statussync.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi30;

/**
 * Every answer of the REST intake matches the OpenAPI document it serves (§6): its status is documented for the
 * operation, it is served with a documented media type, it carries the documented headers, and its body validates
 * against the documented schema (networknt's validator, OpenAPI 3.0 dialect, on the schema objects of the served
 * document). The check is stricter than the document: every field an answer holds must be declared.
 * Answers to what the document does not describe (an unknown path, another method) must be its Problem.
 */
class OpenApiContractTest extends RestTestSupport {

    private static final String DOCUMENT = "/api/v1/openapi.json";
    private static final String BASE = "https://status-sync.test/openapi.json";
    private static final String INTAKE = "/status-updates";
    private static final String RECEIPT = "/status-updates/{name}";
    private static final String REFUSED_ID = objectId(400);

    private JsonNode document;
    private SchemaRegistry schemas;

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.rest.max-body-size", "4096");
    }

    @BeforeEach
    void loadDocument() throws Exception {
        expressChat.acceptAll();
        expressChat.stubFor(ExpressChatStub.statusUpdate().atPriority(1).withRequestBody(containing(REFUSED_ID))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"refused\"}")));
        HttpResponse<String> served = rest().get(DOCUMENT);
        assertThat(served.statusCode()).isEqualTo(200);
        document = ExpressChatStub.read(served.body());
        ObjectNode strict = document.deepCopy();
        strict.path("components").path("schemas").forEach(schema -> {
            if (schema.has("properties")) {
                ((ObjectNode) schema).put("additionalProperties", false); // every served field must be declared
            }
        });
        schemas = SchemaRegistry.withDefaultDialect(OpenApi30.getInstance(),
                builder -> builder.schemas(Map.of(BASE, strict.toString())));
    }

    @Test
    void theIntakesAnswersMatchTheDocument() throws Exception {
        assertDocumented(rest().post("application/json", "{\"ids\":[\"" + objectId(1) + "\"],\"status\":\"DELETED\"}"),
                INTAKE, "post", 200);
        assertDocumented(rest().post("application/json", "[{\"ids\":[\"" + objectId(2) + "\"]},{\"ids\":[\"" + REFUSED_ID
                + "\"]}]"), INTAKE, "post", 502);
        assertDocumented(rest().post("text/plain", "not-an-id\n"), INTAKE, "post", 400);
        assertDocumented(rest().post("application/xml", "<ids/>"), INTAKE, "post", 415);
        assertDocumented(rest().post("text/plain", objectId(3).repeat(200)), INTAKE, "post", 413);

        HttpResponse<String> accepted = rest().send(rest().request(RestClient.INTAKE).header("Content-Type", "text/csv")
                .header("Prefer", "respond-async").POST(BodyPublishers.ofString("id\n" + objectId(4) + "\n")));
        assertDocumented(accepted, INTAKE, "post", 202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> receipt = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> rest().get(location), response -> response.statusCode() == 200);
        assertDocumented(receipt, RECEIPT, "get", 200);
        assertThat(ExpressChatStub.read(receipt.body()).path("batches").isArray()).isTrue();
        assertDocumented(rest().get(RestClient.INTAKE + "/rest-00000000-0000-0000-0000-000000000000.txt"),
                RECEIPT, "get", 404);

        IntakeGate gate = context.getRegistry().lookupByNameAndType("intakeGate", IntakeGate.class);
        gate.pause(IntakeGate.Reason.EXPRESS_CHAT_FAILING);
        assertDocumented(rest().post("text/plain", objectId(5) + "\n"), INTAKE, "post", 503);
        gate.resume();
    }

    @Test
    void refusedCredentialsAre401WithAChallengeAsDocumented() throws Exception {
        List<String> credentials = List.of("", RestClient.basic(RestClient.USER, "wrong"), "Basic !!!not-base64",
                "Basic", "Bearer ", "Bearer not-a-jwt", "Digest x");
        for (String credential : credentials) {
            var request = rest().anonymous(RestClient.INTAKE).header("Content-Type", "text/plain");
            if (!credential.isEmpty()) {
                request.header("Authorization", credential);
            }
            HttpResponse<String> refused = rest().send(request.POST(BodyPublishers.ofString(objectId(6) + "\n")));

            assertDocumented(refused, INTAKE, "post", 401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).as(credential)
                    .contains("Basic realm=\"express-chat-status-sync\"");
        }
        assertDocumented(rest().send(rest().anonymous(RestClient.INTAKE + "/x.txt").header("Authorization", "Bearer ")
                .GET()), RECEIPT, "get", 401);
        assertThat(expressChat.requests()).isEmpty();
    }

    @Test
    void whatTheDocumentDoesNotDescribeIsAProblemWithItsStatus() throws Exception {
        HttpResponse<String> unknown = rest().get("/api/v1/nothing-here");
        assertProblem(unknown, 404);

        HttpResponse<String> deleted = rest().send(rest().request(RestClient.INTAKE).DELETE());
        assertProblem(deleted, 405);
        assertThat(deleted.headers().firstValue("Allow")).contains("POST");
        HttpResponse<String> put = rest().send(rest().request(RestClient.INTAKE + "/x.txt")
                .PUT(BodyPublishers.ofString("x")));
        assertProblem(put, 405);
        assertThat(put.headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void theDocumentIsServedAsYamlToAClientThatAsksForIt() throws Exception {
        HttpResponse<String> yaml = rest().send(rest().request(DOCUMENT).header("Accept", "text/yaml").GET());

        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type")).contains("text/yaml");
        JsonNode parsed = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml.body());
        assertThat(parsed).isEqualTo(document);
        assertThat(rest().send(rest().request(DOCUMENT).header("Accept", "application/json").GET())
                .headers().firstValue("Content-Type")).contains("application/json");
    }

    /** The answer's status, media type, headers and body are the ones the document declares for the operation. */
    private void assertDocumented(HttpResponse<String> answer, String path, String method, int status) {
        String what = method.toUpperCase() + " " + path + " -> " + answer.statusCode() + " " + answer.body();
        assertThat(answer.statusCode()).as(what).isEqualTo(status);
        JsonNode response = document.path("paths").path(path).path(method).path("responses").path(String.valueOf(status));
        assertThat(response.isObject()).as(what + ": status documented").isTrue();
        response.path("headers").fieldNames().forEachRemaining(header ->
                assertThat(answer.headers().firstValue(header)).as(what + ": header " + header).isPresent());
        String mediaType = mediaType(answer);
        JsonNode schema = response.path("content").path(mediaType).path("schema");
        assertThat(schema.isObject()).as(what + ": media type " + mediaType + " documented, among "
                + response.path("content")).isTrue();
        // the schema's references point into the served document
        String absolute = schema.toString().replace("\"#/components/", "\"" + BASE + "#/components/");
        assertValid(schemas.getSchema(SchemaLocation.of(BASE + "-answer"), ExpressChatStub.read(absolute)), answer, what);
    }

    /** An answer outside the document: its Problem, as problem+json. */
    private void assertProblem(HttpResponse<String> answer, int status) {
        String what = answer.statusCode() + " " + answer.body();
        assertThat(answer.statusCode()).as(what).isEqualTo(status);
        assertThat(mediaType(answer)).as(what).isEqualTo("application/problem+json");
        assertValid(schemas.getSchema(SchemaLocation.of(BASE + "#/components/schemas/Problem")), answer, what);
        assertThat(ExpressChatStub.read(answer.body()).path("status").asInt()).isEqualTo(status);
    }

    private static void assertValid(Schema schema, HttpResponse<String> answer, String what) {
        List<Error> errors = schema.validate(ExpressChatStub.read(answer.body()));
        assertThat(errors).as(what).extracting(Error::toString).isEmpty();
    }

    private static String mediaType(HttpResponse<String> answer) {
        return answer.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
    }
}
