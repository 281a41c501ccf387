package com.expresschat.statussync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.Outcome;
import com.expresschat.statussync.model.Receipt;
import com.expresschat.statussync.support.StatusSyncTestSupport;

/** Each format of §2 produces exactly the expected PUTs. */
class InputFormatsTest extends StatusSyncTestSupport {

    static final String A = "640f472d173951357f08edee";
    static final String B = "640f472d173951357f08edef";
    static final String C = "640f472d173951357f08edf0";
    static final String SA = "640f479fa79ef02edfb33dfc";
    static final String SB = "640f479fa79ef02edfb33dfd";

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.allowed-statuses", "DELETED,SUSPENDED");
    }

    @BeforeEach
    void accept() {
        expressChat.acceptAll();
    }

    @Test
    void plainListWithCommentsBlankLinesCrlfAndBom() throws Exception {
        String text = "\uFEFF# users to delete\r\n" + A + "\t" + SA + "\r\n\r\n  " + B + "  \r\n# done\r\n" + C + "   " + SB;
        assertDelivered(process("users.txt", text));
        assertThat(bodies()).containsExactly(
                "{\"ids\":[\"" + A + "\",\"" + B + "\",\"" + C + "\"],\"status\":\"DELETED\",\"subscriberIds\":[\"" + SA
                + "\",\"" + SB + "\"]}");
    }

    @Test
    void csvWithQuotedFieldsAndStatusColumnMakesOneRequestPerStatus() throws Exception {
        assertDelivered(process("users.csv", "user_id,\"subscriber_id\",status,comment\r\n"
                          + "\"" + A + "\"," + SA + ",DELETED,\"left, in 2024\"\r\n"
                          + B + ",,SUSPENDED,\"said \"\"bye\"\"\"\r\n"
                          + C + ",\"" + SB + "\",DELETED,\"two\nlines\"\r\n"));
        assertThat(bodies()).containsExactlyInAnyOrder(
                "{\"ids\":[\"" + A + "\",\"" + C + "\"],\"status\":\"DELETED\",\"subscriberIds\":[\"" + SA + "\",\"" + SB + "\"]}",
                "{\"ids\":[\"" + B + "\"],\"status\":\"SUSPENDED\"}");
    }

    @Test
    void jsonBodyIsSentAsItIs() throws Exception {
        String body = "{\"ids\":[\"" + A + "\",\"" + B + "\"],\"status\":\"SUSPENDED\",\"subscriberIds\":[\"" + SA + "\"]}";
        assertDelivered(process("body.json", body));
        assertThat(bodies()).containsExactly(body);
    }

    @Test
    void jsonArrayOfBodiesKeepsEachBodysStatus() throws Exception {
        assertDelivered(process("bodies.json", "[{\"ids\":[\"" + A + "\"],\"status\":\"DELETED\"},"
                            + "{\"ids\":[\"" + B + "\",\"" + C + "\"],\"status\":\"SUSPENDED\",\"subscriberIds\":[\"" + SB + "\"]},"
                            + "{\"ids\":[\"" + SA + "\"]}]"));
        assertThat(bodies()).containsExactlyInAnyOrder(
                "{\"ids\":[\"" + A + "\",\"" + SA + "\"],\"status\":\"DELETED\"}",
                "{\"ids\":[\"" + B + "\",\"" + C + "\"],\"status\":\"SUSPENDED\",\"subscriberIds\":[\"" + SB + "\"]}");
    }

    @Test
    void ndjsonRowsWithOptionalSubscriberAndStatus() throws Exception {
        assertDelivered(process("rows.ndjson", "{\"id\":\"" + A + "\",\"subscriberId\":\"" + SA + "\"}\n"
                            + "\n"
                            + "{\"id\":\"" + B + "\",\"status\":\"SUSPENDED\"}\n"
                            + "{\"id\":\"" + C + "\",\"status\":\"DELETED\"}\n"));
        assertThat(bodies()).containsExactlyInAnyOrder(
                "{\"ids\":[\"" + A + "\",\"" + C + "\"],\"status\":\"DELETED\",\"subscriberIds\":[\"" + SA + "\"]}",
                "{\"ids\":[\"" + B + "\"],\"status\":\"SUSPENDED\"}");
    }

    private static void assertDelivered(Receipt receipt) {
        assertThat(receipt.outcome()).as(receipt.toString()).isEqualTo(Outcome.DELIVERED);
    }

    private List<String> bodies() {
        return expressChat.requests().stream().map(r -> r.getBodyAsString()).toList();
    }
}
