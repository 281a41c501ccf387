package com.expresschat.statussync.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.LogCapture;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * §5: if done/ or error/ cannot take files, the input stays in the inbox with a clear error, nothing is sent,
 * and processing goes on once the folder is usable again. (Tests run as root, where permissions do not stop
 * writes, so the folder is made unusable by putting a plain file in its place.)
 */
class FolderUnusableTest extends StatusSyncTestSupport {

    @Test
    void anInputWaitsInTheInboxUntilErrorCanTakeFilesAgain() throws Exception {
        expressChat.acceptAll();
        Files.delete(error());
        Files.writeString(error(), "not a folder");
        dropComplete("waiting.txt", ids(2, 1));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> LogCapture.text().contains(error() + " cannot take files"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> Files.exists(inbox().resolve("waiting.txt")));
        assertThat(expressChat.requests()).isEmpty();

        Files.delete(error());
        Files.createDirectory(error());

        JsonNode receipt = awaitDone("waiting.txt");
        assertThat(receipt.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(expressChat.requests()).hasSize(1);
    }
}
