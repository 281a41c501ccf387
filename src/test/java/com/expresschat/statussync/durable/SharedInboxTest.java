package com.expresschat.statussync.durable;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.storage.Claims;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.LogCapture;
import com.expresschat.statussync.support.StatusSyncTestSupport;

/**
 * statussync.file.shared-inbox=true in one instance: it takes the lead (the lock file in the inbox's .leader/), and
 * only then recovers the input an earlier leader left claimed: a start alone must not touch the claim folder, which
 * belongs to whichever instance leads. Then it takes files as usual. (Two instances, failover after kill -9:
 * SharedInboxIT.)
 */
class SharedInboxTest extends StatusSyncTestSupport {

    static final String LEFT = "left-claimed.txt";

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.file.shared-inbox", "true");
        p.setProperty("statussync.file.leader-check-interval", "200ms");
        p.setProperty("statussync.file.leader-stale-after-checks", "2");
        // what an earlier leader, killed mid-input, left in the claim folder (made before the application starts)
        try {
            Path claimed = Files.createDirectories(inbox().resolve(Claims.FOLDER));
            Files.writeString(claimed.resolve(LEFT), ids(30, 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void expressChatAccepts() {
        expressChat.stubFor(ExpressChatStub.statusUpdate().willReturn(okJson("{\"updated\":true}")));
    }

    @Test
    void theLeaderRecoversTheClaimLeftByTheLastOneThenTakesFiles() throws Exception {
        assertThat(awaitDone(LEFT).path("outcome").asText()).isEqualTo("DELIVERED");
        String log = LogCapture.text();
        int lead = log.indexOf("This instance leads the shared inbox");
        int putBack = log.indexOf("Input " + LEFT + " was claimed by an earlier run");
        assertThat(lead).as("the lead is taken").isNotNegative();
        assertThat(putBack).as("the claim is put back only once the lead is taken").isGreaterThan(lead);
        assertThat(observe("/observe/metrics").body()).contains("statussync_inbox_leader 1.0");

        dropComplete("users.txt", ids(10, 100));
        assertThat(awaitDone("users.txt").path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(expressChat.receivedIds()).containsAll(ids(30, 1).lines().toList())
                .containsAll(ids(10, 100).lines().toList());
    }
}
