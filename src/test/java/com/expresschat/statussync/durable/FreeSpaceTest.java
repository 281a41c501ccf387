package com.expresschat.statussync.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.LogCapture;
import com.expresschat.statussync.support.StatusSyncTestSupport;

/**
 * §5 free space is checked before an input is claimed, not only "can I create an empty file": with a
 * statussync.storage.min-free-space no file system here has, the input is never claimed (it stays in the inbox, never
 * renamed: its ctime does not change), nothing is sent, and the reason names the setting. (A real small file system
 * needs a mount: StorageFullIT fills one and shows the input taken once space is back; here the threshold is set above
 * what the machine has instead.)
 */
class FreeSpaceTest extends StatusSyncTestSupport {

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.storage.min-free-space", String.valueOf(Long.MAX_VALUE / 2));
    }

    @Test
    void tooLittleFreeSpaceKeepsTheInputFromBeingClaimed() throws Exception {
        expressChat.acceptAll();
        dropComplete("waiting.txt", ids(3, 1));
        Path waiting = inbox().resolve("waiting.txt");
        Object changed = Files.getAttribute(waiting, "unix:ctime");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> LogCapture.text().contains("less than statussync.storage.min-free-space"));
        // several polls and two hold intervals (500 ms here): never renamed into the claim folder and back
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(2))
                .until(() -> changed.equals(Files.getAttribute(waiting, "unix:ctime")));
        assertThat(inbox().resolve(".claimed/waiting.txt")).doesNotExist();
        assertThat(LogCapture.text()).contains(done() + " cannot take files").doesNotContain("GenericFile[.claimed/waiting.txt]");
        assertThat(expressChat.requests()).isEmpty();
        assertThat(done().resolve("waiting.txt.receipt.json")).doesNotExist();
    }
}
