package com.expresschat.statussync.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.support.AppProcess;
import com.expresschat.statussync.support.ExpressChatStub;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

/** §2 streaming: a 1,000,000-ID file goes through a process whose heap is capped at 128 MB. */
class LargeFileIT {

    static final int IDS = 1_000_000;

    @TempDir
    Path data;

    @Test
    void aMillionIdsAreDeliveredWithA128MbHeap() throws Exception {
        WireMockServer expressChat = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(16));
        expressChat.start();
        try {
            expressChat.stubFor(ExpressChatStub.statusUpdate().willReturn(okJson("{\"ok\":true}")));
            Path inbox = Files.createDirectories(data.resolve("inbox"));
            Path done = data.resolve("done");
            writeIds(data.resolve("million.txt"));
            List<String> options = AppProcess.prodOptions("128m", expressChat.baseUrl() + ExpressChatStub.PATH, data);
            try (AppProcess app = AppProcess.start(options, Map.of("EXPRESS_CHAT_TOKEN", "secret-token-large-file"),
                    data.resolve("app.log"))) {
                app.awaitStarted(Duration.ofSeconds(60));
                Files.move(data.resolve("million.txt"), inbox.resolve("million.txt"));

                Path receiptFile = done.resolve("million.txt.receipt.json");
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> Files.exists(receiptFile) || !app.isAlive());
                assertThat(app.output()).doesNotContain("OutOfMemoryError");
                JsonNode receipt = ExpressChatStub.read(Files.readString(receiptFile));
                assertThat(receipt.path("outcome").asText()).isEqualTo("DELIVERED");
                assertThat(receipt.path("counts").path("delivered").asLong()).isEqualTo(IDS);
                assertThat(receipt.path("counts").path("batches").asInt()).isEqualTo(IDS / 100);
                // 10,000 batch records: two runs spilled to done/ and merged back, every batch listed in order
                JsonNode batches = receipt.path("batches");
                assertThat(batches.size()).isEqualTo(IDS / 100);
                for (int i = 0; i < batches.size(); i++) {
                    assertThat(batches.get(i).path("number").asInt()).isEqualTo(i + 1);
                    assertThat(batches.get(i).path("result").asText()).isEqualTo("DELIVERED");
                }
                // removed when the input's exchange completes, just after the receipt is written
                await().atMost(Duration.ofSeconds(10)).until(() -> {
                    try (var files = Files.list(done)) {
                        return files.noneMatch(f -> f.getFileName().toString().endsWith(".part"));
                    }
                });
                assertThat(expressChat.countRequestsMatching(
                        ExpressChatStub.statusUpdate().build().getRequest()).getCount()).isEqualTo(IDS / 100);
            }
        } finally {
            expressChat.stop();
        }
    }

    private static void writeIds(Path file) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < IDS; i++) {
                out.write(String.format("%024x", i + 1L));
                out.write('\n');
            }
        }
    }
}
