package com.expresschat.statussync.failure;

import static com.expresschat.statussync.failure.Failures.CLOCK;
import static com.expresschat.statussync.failure.Failures.httpFailure;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FailureClassifier (§4): what went wrong with one PUT, from what camel-http threw. */
class FailureClassifierTest {

    private final FailureClassifier classifier = new FailureClassifier(CLOCK);

    @Test
    void anHttpAnswerIsClassifiedByItsStatusWithItsBody() {
        DeliveryFailure failure = classifier.classify(httpFailure(422, Map.of(), "{\"error\":\"bad ids\"}"));

        assertThat(failure).isEqualTo(
                new DeliveryFailure(FailureClass.REJECTED, 422, "{\"error\":\"bad ids\"}", null, null, true));
        assertThat(classifier.classify(httpFailure(401)).failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(classifier.classify(httpFailure(429)).failureClass()).isEqualTo(FailureClass.THROTTLED);
        assertThat(classifier.classify(httpFailure(503)).failureClass()).isEqualTo(FailureClass.TRANSIENT);
    }

    @Test
    void aRedirectIsRejectedWithWhereItPoints() {
        DeliveryFailure failure = classifier.classify(new HttpOperationFailedException(Failures.URL, 301,
                "Moved Permanently", "https://api.v8.express-chat.com/inbox/users/status-update",
                Map.of("Location", "https://api.v8.express-chat.com/inbox/users/status-update"), ""));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.REJECTED);
        assertThat(failure.exception()).isEqualTo("redirected to https://api.v8.express-chat.com/inbox/users/status-update"
                + " (not followed: set statussync.express-chat.url to the endpoint itself)");
        assertThat(classifier.classify(httpFailure(308, Map.of("location", "/elsewhere"), "")).exception())
                .startsWith("redirected to /elsewhere");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Retry-After", "retry-after", "RETRY-AFTER" })
    void readsRetryAfterWhateverTheCaseOfItsName(String headerName) {
        DeliveryFailure failure = classifier.classify(httpFailure(429, Map.of(headerName, "7"), ""));

        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void readsRetryAfterAsAnHttpDate() {
        DeliveryFailure failure = classifier.classify(
                httpFailure(503, Map.of("Retry-After", "Sat, 01 Mar 2025 09:02:00 GMT"), ""));

        assertThat(failure.retryAfter()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void anAnswerWithoutHeadersHasNoRetryAfter() {
        assertThat(classifier.classify(httpFailure(429, null, null)).retryAfter()).isNull();
        assertThat(classifier.classify(httpFailure(429, Map.of("Retry-After", "later"), null)).retryAfter()).isNull();
    }

    @Test
    void aLongAnswerIsTruncatedWithItsLength() {
        String body = "x".repeat(5000);

        String kept = classifier.classify(httpFailure(400, Map.of(), body)).responseBody();

        assertThat(kept).isEqualTo("x".repeat(FailureClassifier.MAX_BODY_CHARS) + "... (5000 chars)");
        assertThat(FailureClassifier.truncate("x".repeat(FailureClassifier.MAX_BODY_CHARS)))
                .hasSize(FailureClassifier.MAX_BODY_CHARS);
        assertThat(FailureClassifier.truncate(null)).isNull();
    }

    @Test
    void noAnswerIsTransientAndNamesTheIoExceptionFoundInTheCauses() {
        Throwable wrapped = new RuntimeCamelException("delivery failed",
                new UncheckedIOException(new ConnectException("Connection refused\n\tat somewhere")));

        DeliveryFailure failure = classifier.classify(wrapped);

        assertThat(failure).isEqualTo(new DeliveryFailure(
                FailureClass.TRANSIENT, null, null, "java.net.ConnectException: Connection refused", null, true));
    }

    @Test
    void aTimeoutIsTransient() {
        DeliveryFailure failure = classifier.classify(new SocketTimeoutException("Read timed out"));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.TRANSIENT);
        assertThat(failure.exception()).isEqualTo("java.net.SocketTimeoutException: Read timed out");
    }

    @Test
    void anUnforeseenExceptionIsTransientSoThatItEndsInTheDeadLetter() {
        assertThat(classifier.classify(new IllegalStateException()))
                .isEqualTo(new DeliveryFailure(FailureClass.TRANSIENT, null, null, "java.lang.IllegalStateException", null, true));
    }
}
