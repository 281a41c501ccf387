package com.expresschat.statussync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/** Inputs that cannot be used are REJECTED with a clear reason; nothing is sent and nothing is lost. */
class BadInputTest extends StatusSyncTestSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty.txt|''|no user IDs",
        "blank.txt|'   \n\t\n  \n'|no user IDs",
        "comments-only.txt|'# nothing\n'|no user IDs",
        "malformed.json|'{\"ids\": [\"640f472d173951357f08edee\"'|malformed JSON",
        "no-id-column.csv|'userid_x,status\n640f472d173951357f08edee,DELETED\n'|no id column",
        "report.xlsx|'640f472d173951357f08edee'|not a known input format",
    })
    void unusableInputIsRejectedWithItsReason(String name, String content, String reason) throws Exception {
        expressChat.acceptAll();
        drop(name, content);

        assertRejected(name, content.getBytes(StandardCharsets.UTF_8), reason);
    }

    @ParameterizedTest(name = "binary garbage as {0}")
    @CsvSource({ "garbage.txt", "garbage.csv", "garbage.json", "garbage.ndjson" })
    void binaryGarbageIsRejected(String name) throws Exception {
        expressChat.acceptAll();
        byte[] garbage = new byte[4096];
        new java.util.Random(42).nextBytes(garbage);
        drop(name, garbage);

        assertRejected(name, garbage, "");
    }

    private void assertRejected(String name, byte[] content, String reason) throws Exception {
        JsonNode receipt = awaitRejected(name);
        assertThat(receipt.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(receipt.path("reason").asText()).as(receipt.toPrettyString()).containsIgnoringCase(reason);
        assertThat(Files.readAllBytes(error().resolve(name))).isEqualTo(content);
        JsonNode report = ExpressChatStub.read(Files.readString(error().resolve(name + ".error.json")));
        assertThat(report.path("reason").asText()).isEqualTo(receipt.path("reason").asText());
        assertThat(expressChat.requests()).isEmpty();
    }
}
