package com.expresschat.statussync.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.expresschat.statussync.model.BatchRecord;
import com.expresschat.statussync.model.Outcome;
import com.expresschat.statussync.model.Receipt;
import com.expresschat.statussync.support.RestClient;
import com.expresschat.statussync.support.RestTestSupport;

/** statussync.dry-run (§7): validate, batch and write receipts, send nothing. */
class DryRunTest extends RestTestSupport {

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.dry-run", "true");
    }

    @Test
    void aDryRunShowsTheThreeRequestsThatWouldBeSentAndSendsNothing() throws Exception {
        expressChat.acceptAll();
        Receipt receipt = process("250.txt", ids(250, 1));

        assertThat(expressChat.requests()).isEmpty();
        assertThat(receipt.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(receipt.counts().sent()).isZero();
        assertThat(receipt.batches()).hasSize(3);
        assertThat(receipt.batches()).map(b -> b.request().ids().size()).containsExactly(100, 100, 50);
        BatchRecord first = receipt.batches().iterator().next();
        assertThat(first.result()).isEqualTo(BatchRecord.DRY_RUN);
        assertThat(first.attempts()).isZero();
        assertThat(first.request().status()).isEqualTo("DELETED");
        assertThat(first.request().ids().get(0)).isEqualTo(objectId(1));
    }

    @Test
    void aDryRunOverRestIsAnsweredWithItsReceiptAndEchoesNoRequestHeader() throws Exception {
        HttpResponse<String> response = rest().send(rest().request(RestClient.INTAKE)
                .header("Content-Type", "text/plain").header("X-Request-Id", "client-chosen")
                .POST(HttpRequest.BodyPublishers.ofString(ids(150, 1))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("X-Request-Id")).isEmpty();
        JsonNode receipt = new ObjectMapper().readTree(response.body());
        assertThat(receipt.path("outcome").asText()).isEqualTo("DRY_RUN");
        assertThat(receipt.path("batches")).hasSize(2);
        assertThat(expressChat.requests()).isEmpty();
    }

    @Test
    void aDryRunStillRejectsAnInvalidInput() throws Exception {
        assertThat(process("bad.txt", "nope\n").outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(expressChat.requests()).isEmpty();
    }
}
