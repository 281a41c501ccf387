package com.expresschat.statussync.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.Outcome;
import com.expresschat.statussync.model.Receipt;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Isolating one batch takes a delivery thread, not the input: the other batches of the input keep going out
 * on the other threads while it is bisected (§3 concurrency, §4 isolation).
 */
class IsolationConcurrencyTest extends StatusSyncTestSupport {

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.batch-size", "10");
        p.setProperty("statussync.delivery.concurrency", "2");
    }

    @Test
    void theOtherBatchesAreDeliveredWhileOneIsIsolated() throws Exception {
        // an accepted part of the isolation takes 500 ms and any other accepted PUT 100 ms: isolating batch 1 (parts
        // [1-5] refused, [6-10] and [1-3] accepted, [4,5] and [4] refused, [5] accepted) spans at least a second
        // between its first and last PUT, in which the other thread sends several of the seven other batches
        expressChat.stubFor(ExpressChatStub.statusUpdate().willReturn(okJson("{}").withFixedDelay(100)));
        expressChat.stubFor(ExpressChatStub.statusUpdate().atPriority(2).withHeader("X-Request-Id", matching(".+\\..+"))
                .willReturn(okJson("{}").withFixedDelay(500)));
        expressChat.stubFor(ExpressChatStub.statusUpdate().atPriority(1).withRequestBody(containing(objectId(4)))
                .willReturn(aResponse().withStatus(400)));

        Receipt receipt = process("eighty.txt", ids(80, 1));

        assertThat(receipt.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(receipt.counts().delivered()).isEqualTo(79);
        assertThat(receipt.counts().refused()).isEqualTo(1);
        String isolated = receipt.batches().iterator().next().requestId();
        List<LoggedRequest> parts = expressChat.requests().stream()
                .filter(r -> r.getHeader("X-Request-Id").startsWith(isolated + ".")).toList();
        List<LoggedRequest> others = expressChat.requests().stream()
                .filter(r -> !r.getHeader("X-Request-Id").startsWith(isolated)).toList();
        assertThat(parts).hasSize((int) receipt.counts().isolationRequests()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(others).hasSize(7);
        Date firstPart = parts.stream().map(LoggedRequest::getLoggedDate).min(Comparator.naturalOrder()).orElseThrow();
        Date lastPart = parts.stream().map(LoggedRequest::getLoggedDate).max(Comparator.naturalOrder()).orElseThrow();
        // batches of the same input reached express-chat between the first and the last PUT of the isolation
        assertThat(others).filteredOn(r -> r.getLoggedDate().after(firstPart) && r.getLoggedDate().before(lastPart))
                .hasSizeGreaterThanOrEqualTo(2);
    }
}
