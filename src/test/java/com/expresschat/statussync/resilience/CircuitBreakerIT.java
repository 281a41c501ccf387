package com.expresschat.statussync.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.ExchangeKeys;
import com.expresschat.statussync.pause.IntakeGate;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

/**
 * §4 circuit: express-chat down for 30 s during a 50-batch input (an IT: it waits out the outage, run by failsafe). The calls stay bounded, intake pauses,
 * and resumes by itself once a probe gets an answer; every ID is delivered or dead-lettered, none twice.
 */
class CircuitBreakerIT extends StatusSyncTestSupport {

    static final int MINIMUM_CALLS = 5;
    static final int CONCURRENCY = 4;
    static final Duration OUTAGE = Duration.ofSeconds(30);

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.batch-size", "10");
        p.setProperty("statussync.delivery.concurrency", String.valueOf(CONCURRENCY));
        p.setProperty("statussync.retry.max-retries", "2");
        p.setProperty("statussync.retry.initial-delay", "100ms");
        p.setProperty("statussync.circuit.window-size", "10");
        p.setProperty("statussync.circuit.minimum-calls", String.valueOf(MINIMUM_CALLS));
        p.setProperty("statussync.probe.interval", "1s");
    }

    @Test
    void anOutageOpensTheCircuitPausesIntakeAndIntakeResumesWhenExpressChatIsBack() throws Exception {
        expressChat.acceptAll();
        StubMapping down = wireMock.stubFor(any(urlEqualTo(ExpressChatStub.PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        long outageStart = System.nanoTime();
        drop("fifty.txt", ids(500, 1));

        JsonNode first = awaitDone("fifty.txt");
        IntakeGate gate = context.getRegistry().lookupByNameAndType("intakeGate", IntakeGate.class);
        assertThat(gate.isPaused()).isTrue();
        // the file intake's consumer is suspended by its route policy (IntakePausePolicy): no more polls
        await().atMost(Duration.ofSeconds(5))
                .until(() -> ServiceHelper.isSuspended(context.getRoute(ExchangeKeys.FILE_INTAKE_ROUTE).getConsumer()));
        int putsDuringOutage = expressChat.requests().size();
        // bound: the circuit opens after MINIMUM_CALLS failed attempts; attempts already under way then finish
        assertThat(putsDuringOutage).isLessThanOrEqualTo(MINIMUM_CALLS + CONCURRENCY + 1);
        assertThat(first.path("outcome").asText()).isEqualTo("FAILED");

        drop("later.txt", ids(20, 1001));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> Files.exists(inbox().resolve("later.txt")));

        // express-chat comes back at the end of the outage
        await().atMost(OUTAGE.plusSeconds(5)).until(() -> System.nanoTime() - outageStart >= OUTAGE.toNanos());
        wireMock.removeStub(down);

        JsonNode later = awaitDone("later.txt");
        assertThat(later.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(gate.isPaused()).isFalse();
        int probes = wireMock.findAll(getRequestedFor(urlEqualTo(ExpressChatStub.PATH))).size();
        assertThat(probes).isBetween(1, (int) OUTAGE.toSeconds() + 3);
        assertThat(expressChat.requests().size() - putsDuringOutage).isEqualTo(2); // later.txt's two batches

        // every ID of the first input is in exactly one dead-letter file
        List<String> deadLettered = deadLetteredIds(first);
        assertThat(deadLettered).doesNotHaveDuplicates().hasSize(500);
        Set<String> expected = new HashSet<>();
        for (int i = 1; i <= 500; i++) {
            expected.add(objectId(i));
        }
        assertThat(new HashSet<>(deadLettered)).isEqualTo(expected);
        assertThat(first.path("counts").path("deadLettered").asInt()).isEqualTo(500);
        assertThat(first.path("counts").path("sent").asInt()).isLessThanOrEqualTo(putsDuringOutage * 10);
    }

    private static List<String> deadLetteredIds(JsonNode receipt) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode file : receipt.path("deadLetterFiles")) {
            for (String line : Files.readAllLines(Path.of(file.asText()))) {
                ids.add(ExpressChatStub.read(line).path("id").asText());
            }
        }
        return ids;
    }
}
