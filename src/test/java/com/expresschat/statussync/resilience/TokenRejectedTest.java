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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.pause.IntakeGate;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * §4 AUTH: a refused token pauses intake at once; a corrected token written to EXPRESS_CHAT_TOKEN_FILE is
 * picked up and intake resumes without a restart.
 */
class TokenRejectedTest extends StatusSyncTestSupport {

    static final String GOOD = "secret-token-good-" + UUID.randomUUID();
    static final String REVOKED = "secret-token-revoked-" + UUID.randomUUID();

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.express-chat.token", "");
        p.setProperty("statussync.express-chat.token-file", tokenFile().toString());
        p.setProperty("statussync.probe.interval", "500ms");
        writeToken(REVOKED);
    }

    @Test
    void aRefusedTokenPausesIntakeUntilTheTokenFileIsFixed() throws Exception {
        expressChat.stubFor(any(urlEqualTo(ExpressChatStub.PATH)).willReturn(aResponse().withStatus(401)));
        expressChat.stubFor(any(urlEqualTo(ExpressChatStub.PATH)).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + GOOD)).willReturn(okJson("{\"ok\":true}")));
        dropComplete("first.txt", ids(3, 1));

        JsonNode first = awaitDone("first.txt");
        assertThat(first.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(expressChat.requests()).hasSize(1);
        IntakeGate gate = context.getRegistry().lookupByNameAndType("intakeGate", IntakeGate.class);
        assertThat(gate.pause().reason()).isEqualTo(IntakeGate.Reason.TOKEN_REJECTED);
        assertThat(error().resolve("first.txt.auth.ndjson")).exists();

        dropComplete("second.txt", ids(3, 10));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> Files.exists(inbox().resolve("second.txt")));
        assertThat(expressChat.requests()).hasSize(1);

        writeToken(GOOD);
        JsonNode second = awaitDone("second.txt");
        assertThat(second.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(gate.isPaused()).isFalse();

        Files.move(error().resolve("first.txt.auth.ndjson"), inbox().resolve("first.txt.auth.ndjson"));
        assertThat(awaitDone("first.txt.auth.ndjson").path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(expressChat.receivedIds()).containsSubsequence(objectId(10), objectId(11), objectId(12));
        assertThat(expressChat.receivedIds()).endsWith(objectId(1), objectId(2), objectId(3));
    }

    private Path tokenFile() {
        return data().resolve("token");
    }

    private void writeToken(String token) {
        try {
            Files.createDirectories(data());
            Files.writeString(tokenFile(), token + "\n");
            // a new modification time, even on file systems that count in whole seconds
            Files.setLastModifiedTime(tokenFile(), java.nio.file.attribute.FileTime.fromMillis(
                    System.currentTimeMillis() + (token.equals(GOOD) ? 5000 : 0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
