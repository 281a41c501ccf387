package com.expresschat.statussync.failure;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.ExchangeKeys;
import com.expresschat.statussync.model.LogContext;
import com.expresschat.statussync.pause.ExpressChatCircuit;


/**
 * The retry decision of the delivery error handler, which also tells the circuit breaker about each failed
 * attempt ({@code retryWhileRef} of the dead letter channel in
 * routes/error-handling.camel.yaml). Camel asks it after every failed attempt. It classifies the failure,
 * keeps the latest classification on the exchange for the dead letter, and for a retry sets Camel's
 * {@code CamelRedeliveryDelay} header, which the error handler uses as the delay before the next attempt
 * (RedeliveryErrorHandler#determineRedeliveryDelay): that is how Retry-After and jittered backoff reach
 * Camel's own redelivery.
 */
public class RetryPolicy implements Predicate {

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

    private final FailureClassifier classifier;
    private final ExpressChatCircuit circuit;
    private final Backoff backoff;
    private final int maxRetries;

    public RetryPolicy(FailureClassifier classifier, ExpressChatCircuit circuit, Backoff backoff, int maxRetries) {
        this.classifier = classifier;
        this.circuit = circuit;
        this.backoff = backoff;
        this.maxRetries = maxRetries;
    }

    @Override
    public boolean matches(Exchange exchange) {
        Throwable caught = exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        DeliveryFailure failure = classifier.classify(caught);
        exchange.setProperty(ExchangeKeys.LAST_FAILURE, failure);
        if (!failure.sent()) {
            return false;
        }
        // counted here, not from Camel's CamelRedeliveryCounter header: a response that breaks off midway
        // (malformed chunk) replaces the message headers, and with them that counter
        int failed = failedAttempts(exchange) + 1;
        exchange.setProperty(ExchangeKeys.FAILED_ATTEMPTS, failed);
        circuit.recordFailure(caught);
        boolean again = failure.failureClass().retryable() && failed <= maxRetries;
        if (again) {
            long delay = backoff.delayBeforeRetry(failed, failure.retryAfter()).toMillis();
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delay);
            Batch batch = exchange.getProperty(ExchangeKeys.BATCH, Batch.class);
            LogContext.batch(batch);
            LOG.warn("Batch {} of {} failed ({}), retry {}/{} in {} ms", batch.number(), batch.inputName(),
                    describe(failure), failed, maxRetries, delay);
        }
        return again;
    }

    /** How many attempts of the batch reached express-chat and failed so far. */
    public static int failedAttempts(Exchange exchange) {
        return exchange.getProperty(ExchangeKeys.FAILED_ATTEMPTS, 0, Integer.class);
    }

    /** "TRANSIENT HTTP 503" or "TRANSIENT java.net.ConnectException: Connection refused". */
    public static String describe(DeliveryFailure failure) {
        return failure.failureClass() + " "
               + (failure.httpStatus() != null ? "HTTP " + failure.httpStatus() : failure.exception());
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", maxDelay=" + backoff.maxDelay() + "]";
    }
}
