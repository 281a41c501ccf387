package com.expresschat.statussync.delivery;

/**
 * The global limit on PUTs per second (§3, statussync.delivery.max-requests-per-second), as the throttle EIP
 * of routes/delivery.camel.yaml reads it: 0 means no limit.
 */
public class RequestRate {

    private final int maxPerSecond;

    public RequestRate(int maxPerSecond) {
        if (maxPerSecond < 0) {
            throw new IllegalArgumentException(
                    "statussync.delivery.max-requests-per-second must be 0 (off) or more, was " + maxPerSecond);
        }
        this.maxPerSecond = maxPerSecond;
    }

    /** Whether a limit is set: without one, the route does not throttle at all. */
    public boolean isLimited() {
        return maxPerSecond > 0;
    }

    /** Requests allowed per second, when {@link #isLimited()}. */
    public int perSecond() {
        return maxPerSecond;
    }
}
