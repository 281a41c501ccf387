package com.expresschat.statussync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A status that is present but blank or null is an invalid row in every format (§2), never the (destructive)
 * default: with two allowed statuses, nothing of such an input is sent.
 */
class BlankStatusTest extends StatusSyncTestSupport {

    private static final String A = "640f472d173951357f08edee";
    private static final String B = "640f472d173951357f08edef";

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.allowed-statuses", "ACTIVE,DELETED");
    }

    @Test
    void blankAndNullStatusesRejectTheInputAndNothingIsSent() throws Exception {
        expressChat.acceptAll();
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("empty.json", "{\"ids\":[\"" + A + "\"],\"status\":\"\"}");
        inputs.put("blank.json", "{\"ids\":[\"" + A + "\"],\"status\":\"   \"}");
        inputs.put("null.json", "{\"ids\":[\"" + A + "\"],\"status\":null}");
        inputs.put("empty.ndjson", "{\"id\":\"" + A + "\",\"status\":\"\"}\n");
        inputs.put("null.ndjson", "{\"id\":\"" + A + "\",\"status\":null}\n");
        inputs.put("empty.csv", "id,status\n" + A + ",\n");
        inputs.put("blank.csv", "id,status\n" + A + ",\"  \"\n");
        // one good row beside the bad one: still nothing is sent (on-invalid=reject)
        inputs.put("mixed.csv", "id,status\n" + A + ",DELETED\n" + B + ", \n");
        for (Map.Entry<String, String> input : inputs.entrySet()) {
            dropComplete(input.getKey(), input.getValue());
        }

        for (String name : inputs.keySet()) {
            JsonNode receipt = awaitRejected(name);
            assertThat(receipt.path("outcome").asText()).as(name).isEqualTo("REJECTED");
            JsonNode report = ExpressChatStub.read(Files.readString(error().resolve(name + ".error.json")));
            String expected = name.startsWith("null") ? "status is null" : "status is blank (allowed: ACTIVE, DELETED)";
            assertThat(report.path("invalidRows").get(0).path("reason").asText()).as(name).isEqualTo(expected);
        }
        assertThat(expressChat.requests()).isEmpty();
    }
}
