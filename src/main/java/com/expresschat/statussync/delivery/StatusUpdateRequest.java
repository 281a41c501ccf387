package com.expresschat.statussync.delivery;

import java.util.Map;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Headers;

import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.LogContext;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Makes the outbound PUT for one batch (§3): its JSON body, and headers that are exactly our token, content type
 * and request id. Every header the exchange carried is removed first, so nothing of an inbound request
 * (Authorization, X-Request-Id, CamelHttpUri, CamelHttpPath, Host ...) reaches express-chat. The method (PUT) is
 * set on the endpoint in routes/delivery.camel.yaml.
 */
public class StatusUpdateRequest {

    private final ObjectMapper json;
    private final TokenSource tokens;

    public StatusUpdateRequest(ObjectMapper json, TokenSource tokens) {
        this.json = json;
        this.tokens = tokens;
    }

    /** The request body; {@code headers} become the request's headers. */
    public byte[] bodyOf(@Body Batch batch, @Headers Map<String, Object> headers) throws Exception {
        LogContext.batch(batch);
        headers.clear();
        headers.put("Authorization", "Bearer " + tokens.token());
        headers.put(Exchange.CONTENT_TYPE, "application/json");
        headers.put("Accept", "application/json");
        headers.put("X-Request-Id", batch.requestId());
        return json.writeValueAsBytes(batch.toStatusUpdate());
    }
}
