package com.expresschat.statussync.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import com.expresschat.statussync.ExchangeKeys;
import com.expresschat.statussync.LogContext;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Makes the outbound PUT for one batch (§3). Every header the exchange carried is removed first, so
 * nothing of an inbound request (Authorization, X-Request-Id, CamelHttpUri, CamelHttpPath, Host ...)
 * reaches express-chat: the call carries exactly our token, our request id and the configured URL.
 */
public class StatusUpdateRequest implements Processor {

    private final ObjectMapper json;
    private final TokenSource tokens;

    public StatusUpdateRequest(ObjectMapper json, TokenSource tokens) {
        this.json = json;
        this.tokens = tokens;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Batch batch = exchange.getProperty(ExchangeKeys.BATCH, Batch.class);
        LogContext.batch(batch);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_METHOD, "PUT");
        message.setHeader("Authorization", "Bearer " + tokens.token());
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Accept", "application/json");
        message.setHeader("X-Request-Id", batch.requestId());
        message.setBody(json.writeValueAsBytes(batch.toStatusUpdate()));
    }
}
