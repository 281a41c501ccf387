package com.expresschat.statussync.durable;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.ExchangeKeys;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.LogCapture;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * §5 "if writing to error/ or done/ fails, the input is held": done/ breaks while an input is delivered (tests run as
 * root, where permissions stop nothing, so done/ is replaced by a plain file; a full disk fails the same writes),
 * so its receipt cannot be written. The input is put back and held: for the storage retry interval (3 s here) it is
 * not taken again (it stays in the inbox, untouched), readiness is DOWN naming done/, statussync_storage_unusable is 1; once done/ works it
 * finishes from its journal. PUTs after the fault: 0 (every batch was journaled before the receipt).
 */
class StorageHoldTest extends StatusSyncTestSupport {

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.batch-size", "10");
        p.setProperty("statussync.delivery.concurrency", "1");
        p.setProperty("statussync.storage.retry-interval", "3s");
    }

    @Test
    void aDoneFolderThatBreaksMidInputHoldsTheInputWithoutSendingAgainUntilItWorks() throws Exception {
        expressChat.stubFor(ExpressChatStub.statusUpdate()
                .willReturn(okJson("{\"updated\":true}").withFixedDelay(300)));
        NotifyBuilder failed = new NotifyBuilder(context).fromRoute(ExchangeKeys.FILE_INTAKE_ROUTE).whenFailed(1)
                .create();
        NotifyBuilder failedAgain = new NotifyBuilder(context).fromRoute(ExchangeKeys.FILE_INTAKE_ROUTE).whenFailed(2)
                .create();
        drop("held.txt", ids(50, 1));

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> expressChat.requests().size() >= 3);
        Files.delete(done());
        Files.writeString(done(), "not a folder");
        assertThat(failed.matches(10, TimeUnit.SECONDS)).as("the input failed at its receipt").isTrue();
        int putsAtFault = expressChat.requests().size();
        assertThat(putsAtFault).isEqualTo(5);

        // held: put back, not processed again within the retry interval, readiness and the metric say why
        await().atMost(Duration.ofSeconds(2)).until(() -> Files.exists(inbox().resolve("held.txt")));
        HttpResponse<String> ready = observe("/observe/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        // (Camel's health answer escapes each / as \/ inside its strings)
        String reason = ExpressChatStub.read(ready.body()).path("checks").get(0).path("message").asText();
        assertThat(reason.replace("\\/", "/")).startsWith(done() + " cannot take files").contains("Not a directory");
        assertThat(observe("/observe/metrics").body()).contains("statussync_storage_unusable 1.0");
        // not taken during the hold: it stays in the inbox, and the intake does not fail on it at every poll
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(2))
                .until(() -> !LogCapture.text().contains("Input held.txt resumes")
                             && Files.exists(inbox().resolve("held.txt")));
        assertThat(failedAgain.matches()).as("the held input was not taken again within the retry interval").isFalse();

        Files.delete(done());
        Files.createDirectory(done());
        JsonNode receipt = awaitDone("held.txt");

        assertThat(receipt.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(receipt.path("counts").path("delivered").asInt()).isEqualTo(50);
        assertThat(expressChat.requests()).as("PUTs after the fault: none").hasSize(putsAtFault);
        assertThat(LogCapture.text()).containsOnlyOnce("Input held.txt resumes");
        await().atMost(Duration.ofSeconds(5)).until(() -> observe("/observe/health/ready").statusCode() == 200);
        assertThat(observe("/observe/metrics").body()).contains("statussync_storage_unusable 0.0");
    }
}
