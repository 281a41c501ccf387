package com.expresschat.statussync.pause;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * The resilience4j circuit breaker of the PUTs to express-chat (§4). Every attempt is recorded: only failures
 * that say express-chat is unwell count (TRANSIENT, THROTTLED); a batch express-chat refuses (REJECTED) says
 * nothing about its health. When the failure rate over the last attempts passes the threshold the circuit
 * opens and intake pauses. It stays open until the probe route sees express-chat answer again and closes it
 * (no half-open trial with real batches: a failed trial would dead-letter a batch).
 * <p>
 * It is driven from the routes' beans rather than wrapped around the call with the circuitBreaker EIP:
 * the EIP runs its steps outside the route's error handler, which must see every attempt for the retry policy.
 */
public class ExpressChatCircuit {

    public static final String NAME = "express-chat";

    private final CircuitBreaker circuit;

    /** {@code unwell} tells the failures that say express-chat is unwell (the retryable classes) from the others. */
    public ExpressChatCircuit(int windowSize, int minimumCalls, float failureRateThreshold, Predicate<Throwable> unwell,
            IntakeGate gate) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(windowSize)
                .minimumNumberOfCalls(minimumCalls)
                .failureRateThreshold(failureRateThreshold)
                .recordException(unwell::test)
                // only the probe closes the circuit: keep it open however long the outage lasts
                .waitDurationInOpenState(Duration.ofDays(365))
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .writableStackTraceEnabled(false)
                .build();
        this.circuit = CircuitBreaker.of(NAME, config);
        circuit.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                gate.pause(IntakeGate.Reason.EXPRESS_CHAT_FAILING);
            }
        });
    }

    /** False while the circuit is open: the attempt must not be made. */
    public boolean permitsCall() {
        return circuit.getState() != CircuitBreaker.State.OPEN;
    }

    public void recordSuccess() {
        circuit.onSuccess(0, TimeUnit.MILLISECONDS);
    }

    /** Records a failed attempt; the config's predicate decides whether it counts against express-chat. */
    public void recordFailure(Throwable failure) {
        circuit.onError(0, TimeUnit.MILLISECONDS, failure);
    }

    /** express-chat answers again. */
    public void close() {
        circuit.transitionToClosedState();
    }
}
