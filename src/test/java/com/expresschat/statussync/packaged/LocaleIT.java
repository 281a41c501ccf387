package com.expresschat.statussync.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.support.AppProcess;
import com.expresschat.statussync.support.ExpressChatStub;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 12 item 4: the packaged jar started by a caller whose locale is not UTF-8 ({@code LANG=C}). The JVM then
 * decodes file names as ASCII (Java 17 takes sun.jnu.encoding from the locale, and no -D option changes it), so a
 * non-ASCII name cannot be named by a string at all. Every dropped file still ends with an outcome: an ASCII name is
 * delivered, a non-ASCII one is rejected into error/ under a percent-encoded name with its real name in the report,
 * never looped on. With the locale deploy/ sets (LC_ALL=C.UTF-8) the same name is delivered.
 */
class LocaleIT {

    static final String NAME = "h\u00e9llo-\u4e16\u754c.txt";

    @TempDir
    Path data;

    @Test
    void underLangCEveryFileEndsWithAnOutcome() throws Exception {
        Map<String, String> langC = Map.of("LANG", "C", "LC_ALL", "", "LC_CTYPE", "");
        try (AppProcess app = start(langC)) {
            Files.writeString(data.resolve("inbox").resolve("plain.txt"), "640f472d173951357f08edee\n");
            Files.writeString(data.resolve("inbox").resolve(NAME), "640f472d173951357f08edef\n");

            assertThat(awaitReceipt(data.resolve("done").resolve("plain.txt.receipt.json")).path("outcome").asText())
                    .isEqualTo("DELIVERED");
            JsonNode rejected = awaitReceipt(data.resolve("error").resolve("h%C3%A9llo-%E4%B8%96%E7%95%8C.txt.receipt.json"));
            assertThat(rejected.path("outcome").asText()).isEqualTo("REJECTED");
            assertThat(rejected.path("input").asText()).isEqualTo(NAME);
            assertThat(rejected.path("reason").asText()).contains("not valid text in the platform charset")
                    .contains("LC_ALL=C.UTF-8");
            assertThat(Files.readString(data.resolve("error").resolve("h%C3%A9llo-%E4%B8%96%E7%95%8C.txt")))
                    .isEqualTo("640f472d173951357f08edef\n");
            assertThat(data.resolve("inbox").resolve(NAME)).doesNotExist();
            assertThat(app.output().lines().filter(line -> line.contains("REJECTED"))).hasSize(1);
        }
    }

    @Test
    void withTheDeployedLocaleANonAsciiNameIsDelivered() throws Exception {
        try (AppProcess app = start(Map.of("LANG", "C", "LC_ALL", "C.UTF-8"))) {
            Files.writeString(data.resolve("inbox").resolve(NAME), "640f472d173951357f08edee\n");

            assertThat(awaitReceipt(data.resolve("done").resolve(NAME + ".receipt.json")).path("outcome").asText())
                    .isEqualTo("DELIVERED");
            // the receipt is written just before the outcome line is logged
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(app.output()).contains("Input " + NAME + " DELIVERED"));
        }
    }

    private AppProcess start(Map<String, String> environment) throws Exception {
        List<String> options = List.of("-Dcamel.server.port=" + AvailablePortFinder.getNextAvailable(),
                "-Dstatussync.inbox-dir=" + data.resolve("inbox"), "-Dstatussync.done-dir=" + data.resolve("done"),
                "-Dstatussync.error-dir=" + data.resolve("error"), "-Dstatussync.file.stable-for=300ms");
        return AppProcess.start(options, environment, data.resolve("app.log")).awaitStarted(Duration.ofSeconds(60));
    }

    private static JsonNode awaitReceipt(Path receipt) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(receipt));
        return ExpressChatStub.read(Files.readString(receipt));
    }
}
