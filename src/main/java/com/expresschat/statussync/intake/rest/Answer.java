package com.expresschat.statussync.intake.rest;

import java.util.Map;

/**
 * The answer to a REST request, as a value: what {@link AnswerWriter} puts on the message for the embedded server.
 *
 * @param status      the HTTP status
 * @param contentType its media type (JSON, or problem+json)
 * @param body        the bytes of the body
 * @param headers     headers of its own (Location, Retry-After, WWW-Authenticate ...); nothing of the request
 */
public record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {

    public Answer {
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return "Answer[" + status + " " + contentType + ", " + body.length + " bytes, headers " + headers.keySet() + "]";
    }
}
