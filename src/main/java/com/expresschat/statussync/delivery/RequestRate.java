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

    /** Requests allowed per second; with no limit, more than could ever be made. */
    public int perSecond() {
        return maxPerSecond == 0 ? Integer.MAX_VALUE : maxPerSecond;
    }
}
