package com.expresschat.statussync.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * Issue 12 item 4: an input the service cannot read (permissions) is REJECTED once with that reason and moved to
 * error/, never retried at every poll. The tests run as root, whom permissions do not stop, so the packaged jar runs
 * here as the user nobody ({@code setpriv}), in folders it owns, and the dropped file is root's with mode 0000.
 */
class UnreadableInputIT {

    static final String NOBODY = "65534";

    @TempDir
    Path data;

    @Test
    void anUnreadableInputIsRejectedOnceAndMovedToError() throws Exception {
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path inbox = data.resolve("inbox");
        Path error = data.resolve("error");
        List<String> asNobody = List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups");
        List<String> options = List.of("-Dcamel.server.port=" + AvailablePortFinder.getNextAvailable(),
                "-Dstatussync.inbox-dir=" + inbox, "-Dstatussync.done-dir=" + data.resolve("done"),
                "-Dstatussync.error-dir=" + error, "-Dstatussync.file.stable-for=300ms",
                "-Dstatussync.file.poll-interval=100ms");
        try (AppProcess app = AppProcess.start(asNobody, options, Map.of(), data.resolve("app.log"))
                .awaitStarted(Duration.ofSeconds(60))) {
            Path locked = Files.writeString(inbox.resolve("locked.txt"), "640f472d173951357f08edee\n");
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
            Files.writeString(inbox.resolve("open.txt"), "640f472d173951357f08edef\n");

            JsonNode rejected = awaitReceipt(error.resolve("locked.txt.receipt.json"));
            assertThat(rejected.path("outcome").asText()).isEqualTo("REJECTED");
            assertThat(rejected.path("reason").asText()).contains("cannot be read by the service (permissions)");
            assertThat(error.resolve("locked.txt")).exists();
            assertThat(inbox.resolve("locked.txt")).doesNotExist();
            assertThat(awaitReceipt(data.resolve("done").resolve("open.txt.receipt.json")).path("outcome").asText())
                    .isEqualTo("DELIVERED");
            // many polls later, still the one outcome line and no retry
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                    .until(() -> app.output().lines().filter(line -> line.contains("locked.txt")).count() == 1);
        }
    }

    private static JsonNode awaitReceipt(Path receipt) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(receipt));
        return ExpressChatStub.read(Files.readString(receipt));
    }
}
