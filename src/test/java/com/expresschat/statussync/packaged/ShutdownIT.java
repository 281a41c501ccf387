package com.expresschat.statussync.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.support.AppProcess;
import com.expresschat.statussync.support.ExpressChatStub;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Issue 12 item 6: a graceful stop (SIGTERM) honours camel.main.shutdown-timeout while batches wait for a retry,
 * and what it abandons is not lost: the input stays in the inbox (or claimed, resumed from its journal at the next
 * start), nothing of it is dead-lettered.
 */
class ShutdownIT {

    static final int SHUTDOWN_TIMEOUT_S = 5;

    @TempDir
    Path data;

    @Test
    void sigtermWithinTheShutdownTimeoutWhileBatchesWaitForARetry() throws Exception {
        WireMockServer expressChat = new WireMockServer(wireMockConfig().dynamicPort());
        expressChat.start();
        try {
            expressChat.stubFor(ExpressChatStub.statusUpdate().willReturn(aResponse().withStatus(503)));
            Path inbox = Files.createDirectories(data.resolve("inbox"));
            List<String> options = new ArrayList<>(
                    AppProcess.prodOptions("256m", expressChat.baseUrl() + ExpressChatStub.PATH, data));
            options.add("-Dcamel.main.shutdown-timeout=" + SHUTDOWN_TIMEOUT_S);
            // every batch waits 20 s between attempts: far longer than the shutdown timeout
            options.add("-Dstatussync.retry.initial-delay=20s");
            options.add("-Dstatussync.retry.max-delay=20s");
            options.add("-Dstatussync.batch-size=10");
            options.add("-Dstatussync.delivery.concurrency=4");
            options.add("-Dstatussync.file.stable-for=300ms");
            try (AppProcess app = AppProcess.start(options, Map.of("EXPRESS_CHAT_TOKEN", "secret-token-shutdown"),
                    data.resolve("app.log"))) {
                app.awaitStarted(Duration.ofSeconds(60));
                StringBuilder ids = new StringBuilder();
                for (int i = 1; i <= 100; i++) {
                    ids.append(String.format("%024x%n", i));
                }
                Files.writeString(data.resolve("waiting.txt"), ids);
                Files.move(data.resolve("waiting.txt"), inbox.resolve("waiting.txt"));
                await().atMost(Duration.ofSeconds(30)).until(() -> expressChat.getAllServeEvents().size() >= 4);

                Duration stop = app.stop();

                assertThat(stop).as("SIGTERM to exit, with a %d s shutdown timeout:\n%s", SHUTDOWN_TIMEOUT_S,
                        app.output()).isLessThan(Duration.ofSeconds(SHUTDOWN_TIMEOUT_S + 3));
                assertThat(Files.exists(inbox.resolve("waiting.txt"))
                           || Files.exists(inbox.resolve(".claimed").resolve("waiting.txt")))
                        .as("the abandoned input stays in the inbox, or claimed to resume at the next start").isTrue();
                assertThat(data.resolve("done").resolve("waiting.txt.receipt.json")).doesNotExist();
                try (var errors = Files.list(Files.createDirectories(data.resolve("error")))) {
                    assertThat(errors).as("nothing dead-lettered").isEmpty();
                }
            }
        } finally {
            expressChat.stop();
        }
    }
}
