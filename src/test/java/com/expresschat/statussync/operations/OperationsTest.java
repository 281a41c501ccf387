package com.expresschat.statussync.operations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.pause.IntakeGate;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.LogCapture;
import com.expresschat.statussync.support.StatusSyncTestSupport;

/** §7 operations over real HTTP: Prometheus metrics, health, and the log lines an operator relies on. */
class OperationsTest extends StatusSyncTestSupport {

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.batch-size", "2");
        p.setProperty("statussync.progress.every-batches", "2");
        // retries are counted here, not timed (FaultMatrixTest times them)
        p.setProperty("statussync.retry.initial-delay", "10ms");
        p.setProperty("statussync.retry.max-delay", "50ms");
    }

    @Test
    void metricsShowDeliveredAndDeadLetteredIdsAndRequestLatency() throws Exception {
        expressChat.acceptAll();
        expressChat.stubFor(ExpressChatStub.statusUpdate().atPriority(1).withRequestBody(containing(objectId(3)))
                .willReturn(aResponse().withStatus(422)));
        dropComplete("six.txt", ids(6, 1));
        awaitDone("six.txt");

        String metrics = observe("/observe/metrics").body();

        assertThat(metrics)
                .contains("statussync_inputs_total{outcome=\"PARTIAL\"} 1.0")
                // batch 2 ([3, 4]) is refused, then isolated: 4 alone is delivered, 3 alone refused
                .contains("statussync_ids_total{failure_class=\"none\",result=\"delivered\"} 5.0")
                .contains("statussync_ids_total{failure_class=\"REJECTED\",result=\"dead_lettered\"} 1.0")
                .contains("statussync_batches_total{result=\"DELIVERED\"} 2.0")
                .contains("statussync_batches_total{result=\"ISOLATED\"} 1.0")
                .contains("# HELP statussync_isolation_requests_total PUTs made to isolate the IDs express-chat refuses")
                .contains("statussync_isolation_requests_total 2.0")
                .contains("statussync_express_chat_request_seconds_count{status=\"200\"} 3")
                .contains("statussync_express_chat_request_seconds_count{status=\"422\"} 2")
                .contains("statussync_express_chat_request_seconds_bucket{status=\"200\",le=")
                .contains("statussync_intake_paused 0.0")
                .contains("statussync_inbox_files 0.0")
                .contains("statussync_batches_in_flight 0.0");
    }

    @Test
    void retriesAreCountedByFailureClass() throws Exception {
        expressChat.stubFor(ExpressChatStub.statusUpdate().willReturn(aResponse().withStatus(503)));
        dropComplete("down.txt", ids(1, 1));
        awaitDone("down.txt");

        assertThat(observe("/observe/metrics").body())
                .contains("statussync_retries_total{failure_class=\"TRANSIENT\"} 5.0")
                .contains("statussync_express_chat_request_seconds_count{status=\"503\"} 6");
    }

    @Test
    void readinessIsDownWithTheReasonWhileIntakeIsPausedAndUpAgainAfter() throws Exception {
        // UP once Camel's own checks (routes, consumers) have settled after the start
        await().atMost(Duration.ofSeconds(10)).until(() -> observe("/observe/health/ready").statusCode() == 200);
        assertThat(observe("/observe/health").statusCode()).isEqualTo(200);

        IntakeGate gate = context.getRegistry().lookupByNameAndType("intakeGate", IntakeGate.class);
        gate.pause(IntakeGate.Reason.TOKEN_REJECTED);

        HttpResponse<String> paused = observe("/observe/health/ready");
        assertThat(paused.statusCode()).isEqualTo(503);
        assertThat(paused.body()).contains("express-chat rejected the token");
        assertThat(observe("/observe/health/live").statusCode()).isEqualTo(200);

        gate.resume();
        await().atMost(Duration.ofSeconds(5)).until(() -> observe("/observe/health/ready").statusCode() == 200);
    }

    @Test
    void oneOutcomeLinePerInputProgressLinesAndNoInfoLinePerBatch() throws Exception {
        expressChat.acceptAll();
        int before = LogCapture.text().length();
        dropComplete("ten.txt", ids(10, 1));
        awaitDone("ten.txt");

        String lines = LogCapture.text().substring(before);
        assertThat(lines).containsOnlyOnce("Input ten.txt DELIVERED: rows=10 sent=10 delivered=10");
        assertThat(lines).contains("Input ten.txt in progress: 4 of 10 IDs done");
        assertThat(lines.lines().filter(l -> l.startsWith("INFO")).filter(l -> l.contains("atch 3"))).isEmpty();
        assertThat(lines.lines().filter(l -> l.startsWith("INFO ") && l.contains("ten.txt")).count())
                .isLessThanOrEqualTo(1 + 5);
    }
}
