package com.expresschat.statussync.failure;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Classifies what went wrong with one delivery attempt (§4). camel-http throws
 * {@link HttpOperationFailedException} for a non-2xx answer; anything on the way (connect, read,
 * timeout, broken or empty response) surfaces as an {@link IOException} somewhere in the cause chain.
 */
public class FailureClassifier {

    static final int MAX_BODY_CHARS = 2000;

    private final Clock clock;

    public FailureClassifier(Clock clock) {
        this.clock = clock;
    }

    public DeliveryFailure classify(Throwable failure) {
        if (failure instanceof HttpOperationFailedException http) {
            int status = http.getStatusCode();
            return new DeliveryFailure(
                    FailureClass.ofHttpStatus(status),
                    status,
                    truncate(http.getResponseBody()),
                    null,
                    RetryAfter.parse(header(http.getResponseHeaders(), "Retry-After"), clock.instant()).orElse(null));
        }
        // No answer at all (IOException) is transient; so is anything unforeseen, which is retried and then
        // dead-lettered rather than dropped.
        return new DeliveryFailure(FailureClass.TRANSIENT, null, null, oneLine(rootIoCauseOr(failure)), null);
    }

    private static Throwable rootIoCauseOr(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return t;
            }
        }
        return failure;
    }

    private static String oneLine(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream()
                .filter(e -> name.equalsIgnoreCase(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    public static String truncate(String body) {
        if (body == null || body.length() <= MAX_BODY_CHARS) {
            return body;
        }
        return body.substring(0, MAX_BODY_CHARS) + "... (" + body.length() + " chars)";
    }
}
