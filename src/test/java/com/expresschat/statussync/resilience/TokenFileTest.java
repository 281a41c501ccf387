package com.expresschat.statussync.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The express-chat token from a file (issue 10 item 4): never sent empty, a broken file is a local fault that holds
 * delivery (nothing dead-lettered), a corrected file is noticed by its content, and no stored answer keeps the token.
 */
class TokenFileTest extends StatusSyncTestSupport {

    static final String GOOD = "secret-token-good-" + UUID.randomUUID();
    static final String REVOKED = "secret-token-bad1-" + UUID.randomUUID();
    private static final FileTime OLD = FileTime.fromMillis(1_700_000_000_000L);

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.express-chat.token", "");
        p.setProperty("statussync.express-chat.token-file", tokenFile().toString());
        p.setProperty("statussync.probe.interval", "300ms");
        p.setProperty("statussync.batch-size", "10");
        p.setProperty("statussync.delivery.concurrency", "2");
        writeToken(GOOD);
    }

    @Test
    void aTokenFileTruncatedAndRewrittenMidInputSendsNoPutWithoutTheTokenAndDeadLettersNothing() throws Exception {
        expressChat.stubFor(ExpressChatStub.statusUpdate().willReturn(okJson("{\"ok\":true}").withFixedDelay(40)));
        dropComplete("long.txt", ids(600, 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> expressChat.requests().size() >= 3);

        Files.write(tokenFile(), new byte[0]); // truncated, as a non-atomic rewrite does first
        int atTruncation = expressChat.requests().size();
        await().atMost(Duration.ofSeconds(20)).until(() -> expressChat.requests().size() >= atTruncation + 20);
        Files.writeString(tokenFile(), GOOD + "\n");

        JsonNode receipt = awaitDone("long.txt");
        assertThat(receipt.path("outcome").asText()).isEqualTo("DELIVERED");
        List<LoggedRequest> puts = expressChat.requests();
        assertThat(puts).hasSize(60);
        assertThat(puts).allSatisfy(put -> assertThat(put.getHeader("Authorization")).isEqualTo("Bearer " + GOOD));
        assertThat(listing(error())).isEmpty();
    }

    @Test
    void aMissingTokenFileHoldsDeliveryDeadLettersNothingAndReadinessSaysWhy() throws Exception {
        expressChat.stubFor(ExpressChatStub.statusUpdate().willReturn(okJson("{\"ok\":true}")));
        Files.delete(tokenFile());
        dropComplete("held.txt", ids(25, 1));

        await().atMost(Duration.ofSeconds(15)).until(() -> ready().statusCode() == 503
                                                           && intakeReadiness().contains("is missing"));
        assertThat(intakeReadiness()).contains("the token file " + tokenFile() + " is missing");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> expressChat.requests().isEmpty());
        assertThat(listing(error())).isEmpty();
        assertThat(listing(done())).noneMatch(name -> name.startsWith("held.txt"));

        writeToken(GOOD);
        assertThat(awaitDone("held.txt").path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(expressChat.requests()).hasSize(3)
                .allSatisfy(put -> assertThat(put.getHeader("Authorization")).isEqualTo("Bearer " + GOOD));
        assertThat(listing(error())).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> ready().statusCode() == 200);
    }

    @Test
    void aCorrectedTokenFileWithTheOldTimeStampIsPickedUp() throws Exception {
        writeToken(REVOKED);
        expressChat.stubFor(any(urlEqualTo(ExpressChatStub.PATH)).willReturn(aResponse().withStatus(401)));
        expressChat.stubFor(any(urlEqualTo(ExpressChatStub.PATH)).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + GOOD)).willReturn(okJson("{\"ok\":true}")));
        dropComplete("first.txt", ids(3, 1));
        assertThat(awaitDone("first.txt").path("outcome").asText()).isEqualTo("FAILED");

        // as cp -p or rsync -t would: the same size and the same time stamp as the refused token's file
        writeToken(GOOD);
        dropComplete("second.txt", ids(3, 10));

        assertThat(awaitDone("second.txt").path("outcome").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void anAnswerThatEchoesTheAuthorizationHeaderLeavesNoTraceOfTheTokenInReceiptsOrReports() throws Exception {
        String echo = "{\"echo\":\"{{request.headers.Authorization}}\",\"again\":\"{{request.headers.Authorization}}\"}";
        expressChat.stubFor(ExpressChatStub.statusUpdate()
                .willReturn(aResponse().withStatus(200).withBody(echo).withTransformers("response-template")));
        expressChat.stubFor(ExpressChatStub.statusUpdate().atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(objectId(7)))
                .willReturn(aResponse().withStatus(400).withBody(echo).withTransformers("response-template")));
        dropComplete("echo.txt", ids(20, 1));

        JsonNode receipt = awaitDone("echo.txt");

        assertThat(receipt.path("outcome").asText()).isEqualTo("PARTIAL");
        assertThat(receipt.toString()).contains("Bearer ****").doesNotContain(GOOD);
        assertThat(expressChat.requests()).allSatisfy(put ->
                assertThat(put.getHeader("Authorization")).isEqualTo("Bearer " + GOOD));
        try (Stream<Path> files = Files.walk(data())) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.equals(tokenFile())).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(GOOD);
            }
        }
        assertThat(listing(error())).anyMatch(name -> name.endsWith(".rejected.ndjson.error.json"));
    }

    private HttpResponse<String> ready() throws Exception {
        String port = context.resolvePropertyPlaceholders("{{camel.server.port}}");
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The message of the product's readiness check. */
    private String intakeReadiness() throws Exception {
        for (JsonNode check : ExpressChatStub.read(ready().body()).path("checks")) {
            if (check.path("name").asText().equals("intake")) {
                return check.path("message").asText().replace("\\/", "/"); // Camel escapes slashes in its health JSON
            }
        }
        return "";
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    private Path tokenFile() {
        return data().resolve("token");
    }

    /** Writes the token with one fixed time stamp: only the content tells a new token from the old. */
    private void writeToken(String token) {
        try {
            Files.createDirectories(data());
            Files.writeString(tokenFile(), token + "\n");
            Files.setLastModifiedTime(tokenFile(), OLD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
