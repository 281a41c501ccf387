package com.expresschat.statussync.failure;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Delay before retry number n (1-based): exponential from the initial delay, with ±20% jitter so that
 * batches failing together do not come back together, never above the cap. A Retry-After from
 * express-chat replaces the computed delay, still capped (a Retry-After of an hour never parks a batch
 * for an hour), and never below the initial delay (a Retry-After of 0 or of a date in the past is no reason to
 * come back at once).
 */
public class Backoff {

    static final double JITTER = 0.2;

    private final Duration initialDelay;
    private final double multiplier;
    private final Duration maxDelay;
    private final DoubleSupplier random;

    public Backoff(Duration initialDelay, double multiplier, Duration maxDelay, DoubleSupplier random) {
        this.initialDelay = initialDelay;
        this.multiplier = multiplier;
        this.maxDelay = maxDelay;
        this.random = random;
    }

    public Duration delayBeforeRetry(int retry, Duration retryAfter) {
        if (retryAfter != null) {
            return min(retryAfter.compareTo(initialDelay) < 0 ? initialDelay : retryAfter, maxDelay);
        }
        double exponential = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
        double jittered = exponential * (1 - JITTER + 2 * JITTER * random.getAsDouble());
        return min(Duration.ofMillis((long) Math.min(jittered, Long.MAX_VALUE)), maxDelay);
    }

    public Duration maxDelay() {
        return maxDelay;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
