package com.expresschat.statussync.intake.rest;

import java.util.Arrays;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

import com.expresschat.statussync.intake.InputFormat;

/**
 * Turns a POSTed request into a {@link RestRequest}: its format by Content-Type (415 otherwise), its body within
 * the size limit (413 otherwise), and whether it prefers respond-async. Nothing else of the request is kept (the
 * route then drops every inbound header and the raw body).
 */
public class RestRequestReader {

    private final BodyLimit limit;

    public RestRequestReader(long maxBodyBytes) {
        this.limit = new BodyLimit(maxBodyBytes);
    }

    public RestRequest read(@Header(Exchange.CONTENT_TYPE) String contentType,
            @Header(Exchange.CONTENT_LENGTH) String contentLength, @Header("Prefer") String prefer, @Body byte[] body) {
        InputFormat format = RequestContentType.formatOf(contentType);
        byte[] bytes = body == null ? new byte[0] : body;
        limit.check(contentLength, bytes.length);
        return new RestRequest(format, bytes, respondAsync(prefer));
    }

    /** RFC 7240: the Prefer header lists preferences separated by commas, each a token with optional parameters. */
    static boolean respondAsync(String prefer) {
        return prefer != null && Arrays.stream(prefer.split(","))
                .map(preference -> preference.split("[;=]", 2)[0].trim())
                .anyMatch("respond-async"::equalsIgnoreCase);
    }
}
