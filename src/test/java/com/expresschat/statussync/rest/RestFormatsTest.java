package com.expresschat.statussync.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.RestTestSupport;
import com.expresschat.statussync.support.Samples;

/** A body POSTed in a format of §2 makes the same requests as the equivalent file dropped into the inbox. */
class RestFormatsTest extends RestTestSupport {

    static final String A = Samples.userId(1);
    static final String B = Samples.userId(2);
    static final String C = Samples.userId(3);
    static final String SA = Samples.subscriberId(1);
    static final String SB = Samples.subscriberId(2);

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.allowed-statuses", "DELETED,SUSPENDED");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', value = {
        "text/plain                  | users.txt",
        "text/plain; charset=UTF-8   | users.txt",
        "text/csv                    | users.csv",
        "application/x-ndjson        | users.ndjson",
        "application/json            | users.json",
    })
    void sameRequestsAsTheEquivalentFile(String contentType, String fileName) throws Exception {
        String body = sampleOf(fileName.substring(fileName.indexOf('.') + 1));
        expressChat.acceptAll();

        HttpResponse<String> response = rest().post(contentType, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> restBodies = sentBodies();
        assertThat(restBodies).isNotEmpty();

        wireMock.resetAll();
        expressChat.acceptAll();
        dropComplete(fileName, body);
        assertThat(awaitDone(fileName).path("outcome").asText()).isEqualTo("DELIVERED");

        assertThat(sentBodies()).containsExactlyInAnyOrderElementsOf(restBodies);
    }

    /** The same rows (with subscribers, two statuses, comments or quoting where the format has them) in each format. */
    static String sampleOf(String extension) {
        return switch (extension) {
            case "txt" -> "# users to delete\r\n" + A + "," + SA + "\r\n\r\n  " + B + "\t" + SB + "\n" + C + "\n";
            case "csv" -> "user_id,subscriber_id,status\r\n\"" + A + "\"," + SA + ",DELETED\r\n" + B + "," + SB
                          + ",SUSPENDED\r\n" + C + ",,DELETED\r\n";
            case "ndjson" -> "{\"id\":\"" + A + "\",\"subscriberId\":\"" + SA + "\"}\n{\"id\":\"" + B + "\",\"subscriberId\":\""
                             + SB + "\",\"status\":\"SUSPENDED\"}\n{\"id\":\"" + C + "\"}\n";
            case "json" -> "[{\"ids\":[\"" + A + "\",\"" + C + "\"],\"status\":\"DELETED\",\"subscriberIds\":[\"" + SA
                           + "\"]},{\"ids\":[\"" + B + "\"],\"status\":\"SUSPENDED\",\"subscriberIds\":[\"" + SB + "\"]}]";
            default -> throw new IllegalArgumentException(extension);
        };
    }

    private List<String> sentBodies() {
        return expressChat.requests().stream().map(r -> ExpressChatStub.read(r.getBodyAsString()).toString()).toList();
    }
}
