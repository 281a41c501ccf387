package com.expresschat.statussync.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.LogCapture;
import com.expresschat.statussync.support.StatusSyncTestSupport;

/**
 * §5 free space is checked before an input is processed, not only "can I create an empty file": with a
 * statussync.storage.min-free-space no file system here has, the input is held in the inbox, nothing is sent, and the
 * reason names the setting. (A real small file system needs a mount, which the tests do not make: the threshold is
 * set above what the machine has instead.)
 */
class FreeSpaceTest extends StatusSyncTestSupport {

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.storage.min-free-space", String.valueOf(Long.MAX_VALUE / 2));
    }

    @Test
    void tooLittleFreeSpaceHoldsTheInputBeforeAnythingIsSent() throws Exception {
        expressChat.acceptAll();
        drop("waiting.txt", ids(3, 1));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> LogCapture.text().contains("less than statussync.storage.min-free-space"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> Files.exists(inbox().resolve("waiting.txt")));
        assertThat(LogCapture.text()).contains(done() + " cannot take files");
        assertThat(expressChat.requests()).isEmpty();
        assertThat(done().resolve("waiting.txt.receipt.json")).doesNotExist();
    }
}
