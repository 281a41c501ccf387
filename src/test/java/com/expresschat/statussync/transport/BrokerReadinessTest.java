package com.expresschat.statussync.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;

import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.StatusSyncTestSupport;

/**
 * With Kafka in use (here the Kafka intake) and no broker at the configured address, readiness is DOWN and names the
 * brokers it cannot reach; liveness stays UP (a restart would not bring the broker back).
 */
class BrokerReadinessTest extends StatusSyncTestSupport {

    private static final String NOBODY = "127.0.0.1:" + AvailablePortFinder.getNextAvailable();

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.kafka.bootstrap-servers", NOBODY);
        p.setProperty("statussync.kafka.requests-enabled", "true");
        // the stop waits for the requests consumer's poll, which with no broker lasts its whole timeout (5 s default)
        p.setProperty("camel.component.kafka.poll-timeout-ms", "500");
    }

    @Test
    void readinessNamesTheBrokersItCannotReach() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + context.resolvePropertyPlaceholders("{{camel.server.port}}");
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/observe/health/ready?exposureLevel=full&data=true"))
                .timeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> answer = await().atMost(Duration.ofSeconds(30))
                .until(() -> http.send(ready, HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() == 503);

        assertThat(answer.body()).contains("kafka-brokers")
                .contains("Kafka brokers " + NOBODY + " not reachable")
                .containsPattern("\"lag.statussync.requests\"\\s*:\\s*\"unknown\"");
        // the intake's group has no lag figure without a broker: NaN, not a reassuring 0
        assertThat(observe("/observe/metrics").body()).contains(
                "statussync_kafka_consumer_lag{group=\"express-chat-status-sync-requests\",topic=\"statussync.requests\"} NaN");
        HttpRequest live = HttpRequest.newBuilder(URI.create(base + "/observe/health/live")).build();
        assertThat(http.send(live, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
}
