package com.expresschat.statussync.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.delivery.AttemptLimits;
import com.expresschat.statussync.support.AppProcess;
import com.expresschat.statussync.support.ExpressChatStub;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * §3 bounded memory per answer: express-chat answering every PUT with 200 and a 100 MB body does not exhaust a
 * 256 MB heap (docs/operations.md's size); the input is DELIVERED, each receipt line keeps the start of the answer.
 */
class LargeAnswerIT {

    @TempDir
    Path data;

    @Test
    void hundredMegabyteAnswersLeaveTheInputDeliveredWithA256MbHeap() throws Exception {
        byte[] answer = new byte[100 * 1024 * 1024];
        Arrays.fill(answer, (byte) 'x');
        WireMockServer expressChat = new WireMockServer(wireMockConfig().dynamicPort());
        expressChat.start();
        try {
            expressChat.stubFor(ExpressChatStub.statusUpdate().willReturn(
                    aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(answer)));
            Path inbox = Files.createDirectories(data.resolve("inbox"));
            Path done = data.resolve("done");
            List<String> options = List.of("-Xmx256m",
                    "-Dcamel.main.profile=prod", "-Dcamel.server.basicPropertiesFile=" + AppProcess.USERS_FILE,
                    "-Dcamel.server.port=" + AvailablePortFinder.getNextAvailable(),
                    "-Dstatussync.express-chat.url=" + expressChat.baseUrl() + ExpressChatStub.PATH,
                    "-Dstatussync.inbox-dir=" + inbox, "-Dstatussync.done-dir=" + done,
                    "-Dstatussync.error-dir=" + data.resolve("error"));
            try (AppProcess app = AppProcess.start(options, Map.of("EXPRESS_CHAT_TOKEN", "secret-token-large-answer"),
                    data.resolve("app.log"))) {
                app.awaitStarted(Duration.ofSeconds(60));
                StringBuilder ids = new StringBuilder();
                for (int i = 1; i <= 500; i++) {
                    ids.append(String.format("%024x%n", i));
                }
                Files.writeString(data.resolve("answers.txt"), ids);
                Files.move(data.resolve("answers.txt"), inbox.resolve("answers.txt"));

                Path receiptFile = done.resolve("answers.txt.receipt.json");
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                        .until(() -> Files.exists(receiptFile) || !app.isAlive());
                assertThat(app.output()).doesNotContain("OutOfMemoryError");
                JsonNode receipt = ExpressChatStub.read(Files.readString(receiptFile));
                assertThat(receipt.path("outcome").asText()).isEqualTo("DELIVERED");
                assertThat(receipt.path("counts").path("delivered").asLong()).isEqualTo(500);
                for (JsonNode batch : receipt.path("batches")) {
                    assertThat(batch.path("attempts").asInt()).isEqualTo(1);
                    assertThat(batch.path("response").asText())
                            .startsWith("xxxx").endsWith("... (" + AttemptLimits.MAX_BODY_BYTES + " chars)");
                }
                assertThat(app.isAlive()).isTrue();
            }
        } finally {
            expressChat.stop();
        }
    }
}
