package com.expresschat.statussync.delivery;

import java.util.Map;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Headers;

import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.LogContext;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Makes the outbound PUT for one batch (§3): its JSON body, and headers that are exactly our content type and
 * request id. Every header the exchange carried is removed first, so nothing of an inbound request (Authorization,
 * X-Request-Id, CamelHttpUri, CamelHttpPath, Host ...) reaches express-chat; the token is added to each attempt by
 * the DeliveryGate (never an empty one). The method (PUT) is set on the endpoint in routes/delivery.camel.yaml.
 */
public class StatusUpdateRequest {

    private final ObjectMapper json;

    public StatusUpdateRequest(ObjectMapper json) {
        this.json = json;
    }

    /** The request body; {@code headers} become the request's headers. */
    public byte[] bodyOf(@Body Batch batch, @Headers Map<String, Object> headers) throws Exception {
        LogContext.batch(batch);
        headers.clear();
        headers.put(Exchange.CONTENT_TYPE, "application/json");
        headers.put("Accept", "application/json");
        headers.put("X-Request-Id", batch.requestId());
        return json.writeValueAsBytes(batch.toStatusUpdate());
    }
}
