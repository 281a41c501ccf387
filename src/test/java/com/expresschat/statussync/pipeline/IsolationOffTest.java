package com.expresschat.statussync.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.BatchRecord;
import com.expresschat.statussync.model.Outcome;
import com.expresschat.statussync.model.Receipt;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/** statussync.isolation.enabled=false: a REJECTED batch is dead-lettered whole, as before isolation (§4). */
class IsolationOffTest extends StatusSyncTestSupport {

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.isolation.enabled", "false");
    }

    @Test
    void aBatchWithOneRefusedIdIsDeadLetteredWholeAfterOnePut() throws Exception {
        expressChat.acceptAll();
        expressChat.stubFor(ExpressChatStub.statusUpdate().atPriority(1).withRequestBody(containing(objectId(42)))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"unknown user\"}")));

        Receipt receipt = process("hundred.txt", ids(100, 1));

        assertThat(receipt.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(receipt.counts().deadLettered()).isEqualTo(100);
        assertThat(receipt.counts().isolationRequests()).isZero();
        assertThat(receipt.batches()).singleElement().satisfies(batch -> {
            assertThat(batch.result()).isEqualTo("REJECTED");
            assertThat(batch.isolation()).isNull();
        });
        assertThat(expressChat.requests()).hasSize(1);
        Path deadLetter = Path.of(receipt.deadLetterFiles().get(0));
        assertThat(Files.readAllLines(deadLetter)).hasSize(100);
        JsonNode report = ExpressChatStub.read(Files.readString(Path.of(deadLetter + ".error.json")));
        assertThat(report.path("httpStatus").asInt()).isEqualTo(400);
        assertThat(report.has("refused")).isFalse();
    }
}
