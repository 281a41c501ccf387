package com.expresschat.statussync.delivery;

import static com.expresschat.statussync.support.Samples.batch;
import static com.expresschat.statussync.support.Samples.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.Batch;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The outbound PUT of one batch (§3): our headers only, whatever the inbound request carried. */
class StatusUpdateRequestTest {


    private final CamelContext camel = new DefaultCamelContext();
    private final ObjectMapper json = new ObjectMapper();
    private final StatusUpdateRequest request = new StatusUpdateRequest(json);

    @AfterEach
    void closeCamel() throws Exception {
        camel.close();
    }

    @Test
    void sendsOnlyOurHeadersAndTheBatchAsJson() throws Exception {
        Batch batch = batch(4, rows(2));
        Message out = inboundRequest().getMessage();

        out.setBody(request.bodyOf(batch, out.getHeaders()));

        // the method (PUT) is the endpoint's (routes/delivery.camel.yaml), not a header
        assertThat(out.getHeaders()).containsOnly(
                entry("Content-Type", "application/json"),
                entry("Accept", "application/json"),
                entry("X-Request-Id", batch.requestId()));
        assertThat(new String(out.getBody(byte[].class), StandardCharsets.UTF_8))
                .isEqualTo(json.writeValueAsString(batch.toStatusUpdate()));
    }

    /** An exchange as a REST intake would leave it: the caller's headers, some of them hostile. */
    private Exchange inboundRequest() {
        Exchange exchange = new DefaultExchange(camel);
        Message in = exchange.getMessage();
        in.setHeader("Authorization", "Bearer attacker");
        in.setHeader("X-Request-Id", "evil");
        in.setHeader(Exchange.HTTP_URI, "http://attacker.example/steal");
        in.setHeader(Exchange.HTTP_PATH, "/../admin");
        in.setHeader(Exchange.HTTP_QUERY, "status=ACTIVE");
        in.setHeader("Host", "attacker.example");
        in.setHeader("Cookie", "session=attacker");
        in.setHeader("Content-Type", "text/csv");
        in.setBody("id\n" + rows(1).get(0).id());
        return exchange;
    }
}
