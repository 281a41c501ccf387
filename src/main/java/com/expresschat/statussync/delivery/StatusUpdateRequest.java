package com.expresschat.statussync.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.http.HttpMethods;

import com.expresschat.statussync.ExchangeKeys;
import com.expresschat.statussync.LogContext;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Makes the outbound PUT for one batch (§3). Every header the exchange carried is removed first, so
 * nothing of an inbound request (Authorization, X-Request-Id, CamelHttpUri, CamelHttpPath, Host ...)
 * reaches express-chat: the call carries exactly our request id and the configured URL, and the token that the
 * DeliveryGate adds to each attempt (never an empty one).
 */
public class StatusUpdateRequest implements Processor {

    private final ObjectMapper json;

    public StatusUpdateRequest(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Batch batch = exchange.getProperty(ExchangeKeys.BATCH, Batch.class);
        LogContext.batch(batch);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        // the enum itself: camel-http reads this header as HttpMethods, and a String would cost a failed
        // type-converter look-up (a scan of all converters) on every batch
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.PUT);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Accept", "application/json");
        message.setHeader("X-Request-Id", batch.requestId());
        message.setBody(json.writeValueAsBytes(batch.toStatusUpdate()));
    }
}
