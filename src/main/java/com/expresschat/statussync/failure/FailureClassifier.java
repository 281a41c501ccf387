package com.expresschat.statussync.failure;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

import org.apache.camel.http.base.HttpOperationFailedException;

import com.expresschat.statussync.credentials.Secrets;
import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.model.ExceptionText;
import com.expresschat.statussync.model.FailureClass;
import com.expresschat.statussync.pause.IntakeGate;
import com.expresschat.statussync.pause.NotSentException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * Classifies what went wrong with one delivery attempt (§4). camel-http throws
 * {@link HttpOperationFailedException} for a non-2xx answer; anything on the way (connect, read,
 * timeout, broken or empty response) surfaces as an {@link IOException} somewhere in the cause chain.
 */
public class FailureClassifier {

    static final int MAX_BODY_CHARS = BatchOutcome.MAX_RESPONSE_CHARS;

    private final Clock clock;
    private final Secrets secrets;

    public FailureClassifier(Clock clock) {
        this(clock, new Secrets());
    }

    /** {@code secrets} are scrubbed from the answers and exception texts it keeps. */
    public FailureClassifier(Clock clock, Secrets secrets) {
        this.clock = clock;
        this.secrets = secrets;
    }

    /** Classifies a failure; the circuit breaker EIP wraps what it rethrows, so causes are searched too. */
    public DeliveryFailure classify(Throwable failure) {
        HttpOperationFailedException http = cause(failure, HttpOperationFailedException.class);
        if (http != null) {
            int status = http.getStatusCode();
            return new DeliveryFailure(
                    FailureClass.ofHttpStatus(status),
                    status,
                    storable(http.getResponseBody()),
                    redirect(http),
                    RetryAfter.parse(header(http.getResponseHeaders(), "Retry-After"), clock.instant()).orElse(null),
                    true);
        }
        NotSentException notSent = cause(failure, NotSentException.class);
        if (notSent != null) {
            return DeliveryFailure.notSent(notSent.reason());
        }
        if (cause(failure, CallNotPermittedException.class) != null) {
            return DeliveryFailure.notSent(IntakeGate.Reason.EXPRESS_CHAT_FAILING);
        }
        // No answer at all (IOException) is transient; so is anything unforeseen, which is retried and then
        // dead-lettered rather than dropped.
        IOException io = cause(failure, IOException.class);
        return new DeliveryFailure(FailureClass.TRANSIENT, null, null,
                secrets.scrub(ExceptionText.oneLine(io != null ? io : failure)), null, true);
    }

    /** A 3xx names where it points: redirects are not followed (a PUT must not be re-sent elsewhere unasked). */
    private static String redirect(HttpOperationFailedException http) {
        String location = http.getRedirectLocation() != null
                ? http.getRedirectLocation()
                : header(http.getResponseHeaders(), "Location");
        if (http.getStatusCode() < 300 || http.getStatusCode() >= 400 || location == null) {
            return null;
        }
        return "redirected to " + location + " (not followed: set statussync.express-chat.url to the endpoint itself)";
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** "java.net.ConnectException: Connection refused": the exception's class and the first line of its message. */

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

    /** An answer's body as receipts and reports keep it: secrets scrubbed (before cutting, so none is cut in half). */
    public String storable(String body) {
        return truncate(secrets.scrub(body));
    }

    public static String truncate(String body) {
        return BatchOutcome.excerpt(body);
    }
}
