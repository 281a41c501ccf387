package com.expresschat.statussync.intake.rest;

import java.util.Arrays;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import com.expresschat.statussync.intake.InputFormat;

/**
 * Turns a POSTed request into a {@link RestRequest} (its format by Content-Type, 415 otherwise; its body within
 * the size limit, 413 otherwise) and then drops every inbound header and the raw body from the message: from
 * here on nothing of the HTTP request (Authorization, X-Request-Id, Camel*, Host, query ...) is left to leak
 * into the outbound call or the answer.
 */
public class RestRequestReader implements Processor {

    private final BodyLimit limit;

    public RestRequestReader(long maxBodyBytes) {
        this.limit = new BodyLimit(maxBodyBytes);
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        String contentLength = message.getHeader(Exchange.CONTENT_LENGTH, String.class);
        boolean respondAsync = respondAsync(message.getHeader("Prefer", String.class));
        byte[] body = message.getBody(byte[].class);
        message.removeHeaders("*");
        message.setBody(null);

        InputFormat format = RequestContentType.formatOf(contentType);
        byte[] bytes = body == null ? new byte[0] : body;
        limit.check(contentLength, bytes.length);
        exchange.setProperty(RestRequest.PROPERTY, new RestRequest(format, bytes, respondAsync));
    }

    /** RFC 7240: the Prefer header lists preferences separated by commas, each a token with optional parameters. */
    static boolean respondAsync(String prefer) {
        return prefer != null && Arrays.stream(prefer.split(","))
                .map(preference -> preference.split("[;=]", 2)[0].trim())
                .anyMatch("respond-async"::equalsIgnoreCase);
    }
}
