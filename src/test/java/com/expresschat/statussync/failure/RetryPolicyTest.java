package com.expresschat.statussync.failure;

import static com.expresschat.statussync.failure.Failures.CLOCK;
import static com.expresschat.statussync.failure.Failures.httpFailure;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.expresschat.statussync.model.ExchangeKeys;
import com.expresschat.statussync.model.FailureClass;
import com.expresschat.statussync.pause.ExpressChatCircuit;
import com.expresschat.statussync.pause.IntakeGate;
import com.expresschat.statussync.pause.NotSentException;
import com.expresschat.statussync.support.Samples;

/**
 * RetryPolicy (§4), as the delivery error handler asks it after each failed attempt; the policy counts the
 * failed attempts itself (FAILED_ATTEMPTS), since Camel's CamelRedeliveryCounter header can be lost.
 */
class RetryPolicyTest {

    private static final int MAX_RETRIES = 3;

    private final CamelContext camel = new DefaultCamelContext();
    // random 0.5 is the middle of the jitter range, so the delays are exactly 1 s, 2 s, 4 s ...
    private final FailureClassifier classifier = new FailureClassifier(CLOCK);
    private final IntakeGate gate = new IntakeGate(CLOCK);
    private final ExpressChatCircuit circuit = new ExpressChatCircuit(20, 10, 50,
            failure -> classifier.classify(failure).failureClass().retryable(), gate);
    private final RetryPolicy policy = new RetryPolicy(classifier, circuit,
            new Backoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(60), () -> 0.5), MAX_RETRIES);

    @AfterEach
    void closeCamel() throws Exception {
        camel.close();
    }

    @Test
    void retriesATransientFailureUpToMaxRetries() {
        Throwable down = httpFailure(503);

        assertThat(policy.matches(failed(down, 1))).isTrue();
        assertThat(policy.matches(failed(down, MAX_RETRIES))).isTrue();
        assertThat(policy.matches(failed(down, MAX_RETRIES + 1))).isFalse();
    }

    @Test
    void retriesAThrottledFailureAfterTheDelayAskedFor() {
        Exchange exchange = failed(httpFailure(429, Map.of("retry-after", "7"), ""), 2);

        assertThat(policy.matches(exchange)).isTrue();
        assertThat(redeliveryDelay(exchange)).isEqualTo(7000L);
    }

    @Test
    void setsTheBackoffDelayForTheNextAttempt() {
        Exchange exchange = failed(new ConnectException("Connection refused"), 3);

        assertThat(policy.matches(exchange)).isTrue();
        assertThat(redeliveryDelay(exchange)).isEqualTo(4000L);
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 401, 403, 404, 422 })
    void neverRetriesARejectedOrAuthFailure(int status) {
        Exchange exchange = failed(httpFailure(status), 1);

        assertThat(policy.matches(exchange)).isFalse();
        assertThat(redeliveryDelay(exchange)).isNull();
    }

    @Test
    void recordsTheLatestFailureAndHowManyAttemptsFailed() {
        Exchange exchange = failed(httpFailure(500), 1);
        policy.matches(exchange);
        exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, 2);

        policy.matches(exchange);

        assertThat(exchange.getProperty(ExchangeKeys.LAST_FAILURE, DeliveryFailure.class).failureClass())
                .isEqualTo(FailureClass.TRANSIENT);
        assertThat(exchange.getProperty(ExchangeKeys.LAST_FAILURE, DeliveryFailure.class).httpStatus()).isEqualTo(500);
        assertThat(RetryPolicy.failedAttempts(exchange)).isEqualTo(2);
    }

    @Test
    void withoutARedeliveryCounterItIsTheFirstFailure() {
        Exchange exchange = failed(httpFailure(400), null);

        policy.matches(exchange);

        assertThat(RetryPolicy.failedAttempts(exchange)).isEqualTo(1);
    }

    @Test
    void readsTheCaughtExceptionWhenTheExchangeNoLongerCarriesIt() {
        Exchange exchange = failed(httpFailure(401), 1);
        Throwable caught = exchange.getException();
        exchange.setException(null);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, caught);

        assertThat(policy.matches(exchange)).isFalse();
        assertThat(exchange.getProperty(ExchangeKeys.LAST_FAILURE, DeliveryFailure.class).failureClass())
                .isEqualTo(FailureClass.AUTH);
    }

    @Test
    void aBatchThatNeverFailedHasNoFailedAttempts() {
        assertThat(RetryPolicy.failedAttempts(new DefaultExchange(camel))).isZero();
    }

    /** The exchange of a batch whose latest attempt failed so. */
    /** An exchange whose attempt number {@code attempt} just failed (earlier failures already counted). */
    private Exchange failed(Throwable failure, Integer attempt) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(ExchangeKeys.BATCH, Samples.batch(1, Samples.rows(2)));
        exchange.setException(failure);
        exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, attempt);
        if (attempt != null) {
            exchange.setProperty(ExchangeKeys.FAILED_ATTEMPTS, attempt - 1);
        }
        return exchange;
    }

    private static Long redeliveryDelay(Exchange exchange) {
        return exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class);
    }

    @Test
    void aBatchHeldBackWhileIntakeIsPausedIsNotRetriedNorCountedAsAnAttempt() {
        Exchange exchange = failed(new NotSentException(IntakeGate.Reason.EXPRESS_CHAT_FAILING), 1);

        assertThat(policy.matches(exchange)).isFalse();
        assertThat(RetryPolicy.failedAttempts(exchange)).isZero();
        assertThat(exchange.getProperty(ExchangeKeys.LAST_FAILURE, DeliveryFailure.class).sent()).isFalse();
    }
}
