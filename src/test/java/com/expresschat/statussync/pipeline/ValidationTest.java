package com.expresschat.statussync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.Outcome;
import com.expresschat.statussync.model.Receipt;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/** Validation before anything is sent (§2), on-invalid=reject (the default). */
class ValidationTest extends StatusSyncTestSupport {

    @Test
    void oneInvalidRowRejectsTheWholeFileUnchanged() throws Exception {
        expressChat.acceptAll();
        String content = "id,status\n" + objectId(1) + ",DELETED\nnot-an-id,DELETED\n" + objectId(3) + ",ARCHIVED\n";
        dropComplete("bad.csv", content);

        JsonNode receipt = awaitRejected("bad.csv");

        assertThat(receipt.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(expressChat.requests()).isEmpty();
        assertThat(Files.readString(error().resolve("bad.csv"))).isEqualTo(content);
        JsonNode report = ExpressChatStub.read(Files.readString(error().resolve("bad.csv.error.json")));
        assertThat(report.path("reason").asText()).contains("2 of 3 rows are invalid");
        assertThat(report.path("invalidRows")).hasSize(2);
        assertThat(report.path("invalidRows").get(0).path("line").asLong()).isEqualTo(3);
        assertThat(report.path("invalidRows").get(0).path("value").asText()).isEqualTo("not-an-id");
        assertThat(report.path("invalidRows").get(0).path("reason").asText()).contains("does not match");
        assertThat(report.path("invalidRows").get(1).path("line").asLong()).isEqualTo(4);
        assertThat(report.path("invalidRows").get(1).path("reason").asText()).contains("ARCHIVED").contains("not allowed");
    }

    @Test
    void aRejectedReportNamesTheFirstHundredBadRowsAndCountsAll() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            lines.append("bad-").append(i).append('\n');
        }
        Receipt receipt = process("many-bad.txt", lines.toString());

        assertThat(receipt.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(receipt.counts().invalid()).isEqualTo(150);
        assertThat(receipt.invalidRows()).hasSize(100);
        JsonNode report = ExpressChatStub.read(Files.readString(error().resolve("many-bad.txt.error.json")));
        assertThat(report.path("invalidRowCount").asInt()).isEqualTo(150);
        assertThat(report.path("invalidRows")).hasSize(100);
        assertThat(expressChat.requests()).isEmpty();
    }
}
