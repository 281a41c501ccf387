package com.expresschat.statussync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.StatusSyncTestSupport;

/** statussync.delivery.max-requests-per-second (§3): a global limit on PUTs. */
class RequestRateTest extends StatusSyncTestSupport {

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.batch-size", "1");
        p.setProperty("statussync.delivery.max-requests-per-second", "5");
    }

    @Test
    void fifteenBatchesAtFivePerSecondTakeAtLeastTwoSeconds() throws Exception {
        expressChat.acceptAll();
        dropComplete("fifteen.txt", ids(15, 1));

        awaitDone("fifteen.txt");

        List<Long> times = expressChat.requests().stream().map(r -> r.getLoggedDate().getTime()).sorted().toList();
        assertThat(times).hasSize(15);
        // 5 in the first second, 5 in the second, 5 in the third: the last starts about 2 s after the first
        // (times are taken on arrival at WireMock, so a loaded machine blurs them by a few hundred ms)
        assertThat(times.get(14) - times.get(0)).isGreaterThanOrEqualTo(1500);
        for (int i = 5; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 5)).as("5 requests per second at most").isGreaterThanOrEqualTo(500);
        }
    }
}
