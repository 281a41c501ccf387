package com.expresschat.statussync.simulator;

import static com.expresschat.statussync.support.Samples.SUBSCRIBER_ID;
import static com.expresschat.statussync.support.Samples.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;


import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.expresschat.statussync.credentials.TokenSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The dev profile's express-chat (§7): checks token and body like the real one, and plays the fault IDs. */
class ExpressChatSimulatorTest {

    private static final String TOKEN = "dev-simulator-token";

    private final CamelContext camel = new DefaultCamelContext();
    private final ObjectMapper json = new ObjectMapper();
    private final ExpressChatSimulator simulator = new ExpressChatSimulator(new TokenSource(TOKEN, null));

    @AfterEach
    void closeCamel() throws Exception {
        camel.close();
    }

    @Test
    void acceptsAValidStatusUpdate() throws Exception {
        Message answer = put(body(USER_ID), "Bearer " + TOKEN, "request-1");

        assertThat(statusOf(answer)).isEqualTo(200);
        assertThat(json.readTree(answer.getBody(String.class)))
                .isEqualTo(json.readTree("{\"updated\":1,\"status\":\"DELETED\"}"));
    }

    @Test
    void acceptsSubscriberIds() throws Exception {
        String body = "{\"ids\":[\"" + USER_ID + "\"],\"status\":\"DELETED\",\"subscriberIds\":[\"" + SUBSCRIBER_ID + "\"]}";

        assertThat(statusOf(put(body, "Bearer " + TOKEN, "request-1"))).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Bearer wrong-token", "Bearer ", TOKEN, "bearer " + TOKEN })
    void refusesAWrongToken(String authorization) throws Exception {
        Message answer = put(body(USER_ID), authorization, "request-1");

        assertThat(statusOf(answer)).isEqualTo(401);
        assertThat(errorOf(answer)).isEqualTo("missing or invalid bearer token");
    }

    @Test
    void refusesAMissingToken() throws Exception {
        assertThat(statusOf(put(body(USER_ID), null, "request-1"))).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "null",
            "[]",
            "{\"ids\":[],\"status\":\"DELETED\"}",
            "{\"status\":\"DELETED\"}",
            "{\"ids\":[\"" + USER_ID + "\"]}",
            "{\"ids\":[\"" + USER_ID + "\"],\"status\":\" \"}",
            "{\"ids\":[\"not-an-id\"],\"status\":\"DELETED\"}",
            "{\"ids\":[null],\"status\":\"DELETED\"}",
            "{\"ids\":[\"" + USER_ID + "\"],\"status\":\"DELETED\",\"subscriberIds\":[\"nope\"]}",
            "{\"ids\":[\"" + USER_ID + "\"],\"status\":\"DELETED\",\"extra\":1}" })
    void refusesABadBody(String body) throws Exception {
        Message answer = put(body, "Bearer " + TOKEN, "request-1");

        assertThat(statusOf(answer)).isEqualTo(400);
        assertThat(errorOf(answer)).isNotBlank();
    }

    @Test
    void theRejectFaultIsAlwaysRefused() throws Exception {
        assertThat(statusesOfTwoAttempts(ExpressChatSimulator.FAULT_REJECT)).containsExactly(400, 400);
    }

    @Test
    void theDownFaultAlwaysFails() throws Exception {
        assertThat(statusesOfTwoAttempts(ExpressChatSimulator.FAULT_DOWN)).containsExactly(500, 500);
    }

    @Test
    void theFlakyFaultFailsOnlyTheFirstAttemptOfEachRequest() throws Exception {
        assertThat(statusesOfTwoAttempts(ExpressChatSimulator.FAULT_FLAKY)).containsExactly(503, 200);
        assertThat(statusOf(put(body(ExpressChatSimulator.FAULT_FLAKY), "Bearer " + TOKEN, "another-request")))
                .isEqualTo(503);
    }

    @Test
    void theThrottleFaultAsksToComeBackLaterOnce() throws Exception {
        Message first = put(body(ExpressChatSimulator.FAULT_THROTTLE), "Bearer " + TOKEN, "request-1");
        Message second = put(body(ExpressChatSimulator.FAULT_THROTTLE), "Bearer " + TOKEN, "request-1");

        assertThat(statusOf(first)).isEqualTo(429);
        assertThat(first.getHeader("Retry-After", String.class)).isEqualTo("1");
        assertThat(statusOf(second)).isEqualTo(200);
        assertThat(second.getHeader("Retry-After")).isNull();
    }

    @Test
    void aFaultIdAmongOthersAffectsTheWholeBatch() throws Exception {
        String body = "{\"ids\":[\"" + USER_ID + "\",\"" + ExpressChatSimulator.FAULT_REJECT + "\"],\"status\":\"DELETED\"}";

        assertThat(statusOf(put(body, "Bearer " + TOKEN, "request-1"))).isEqualTo(400);
    }

    @Test
    void answersWithoutEchoingAnyInboundHeader() throws Exception {
        Exchange exchange = request(body(USER_ID), "Bearer " + TOKEN, "request-1");
        exchange.getMessage().setHeader("Cookie", "session=secret");
        exchange.getMessage().setHeader("Host", "127.0.0.1");
        exchange.getMessage().setHeader("X-Custom", "echo me");

        simulator.process(exchange);

        assertThat(exchange.getMessage().getHeaders()).containsOnly(
                entry(Exchange.HTTP_RESPONSE_CODE, 200),
                entry(Exchange.CONTENT_TYPE, "application/json"));
    }

    private Integer[] statusesOfTwoAttempts(String faultId) throws Exception {
        return new Integer[] {
                statusOf(put(body(faultId), "Bearer " + TOKEN, "request-1")),
                statusOf(put(body(faultId), "Bearer " + TOKEN, "request-1")) };
    }

    private Message put(String body, String authorization, String requestId) throws Exception {
        Exchange exchange = request(body, authorization, requestId);
        simulator.process(exchange);
        return exchange.getMessage();
    }

    private Exchange request(String body, String authorization, String requestId) {
        Exchange exchange = new DefaultExchange(camel);
        Message message = exchange.getMessage();
        message.setHeader(Exchange.HTTP_METHOD, "PUT");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (authorization != null) {
            message.setHeader("Authorization", authorization);
        }
        message.setHeader("X-Request-Id", requestId);
        message.setBody(body);
        return exchange;
    }

    private static String body(String id) {
        return "{\"ids\":[\"" + id + "\"],\"status\":\"DELETED\"}";
    }

    private static int statusOf(Message answer) {
        return answer.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    private String errorOf(Message answer) throws Exception {
        JsonNode body = json.readTree(answer.getBody(String.class));
        return body.path("error").asText();
    }
}
