package com.expresschat.statussync.intake.rest;

import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.util.TimeUtils;

/**
 * The {@code statussync.rest.*} settings.
 *
 * @param maxBodySize    largest request body in bytes; larger ones are answered 413
 * @param allowAnonymous whether the prod profile may serve the intake without authentication
 * @param retryAfter     seconds a client is told to wait while intake is paused: one express-chat probe interval
 */
public record RestSettings(long maxBodySize, boolean allowAnonymous, long retryAfter) {

    static final String MAX_BODY_SIZE = "statussync.rest.max-body-size";
    static final String ALLOW_ANONYMOUS = "statussync.rest.allow-anonymous";
    static final String PROBE_INTERVAL = "statussync.probe.interval";

    public RestSettings {
        if (maxBodySize < 1) {
            throw new IllegalArgumentException(MAX_BODY_SIZE + " must be at least 1 byte, was " + maxBodySize);
        }
    }

    public static RestSettings from(PropertiesComponent properties) {
        String size = properties.resolveProperty(MAX_BODY_SIZE)
                .orElseThrow(() -> new IllegalArgumentException("missing setting " + MAX_BODY_SIZE)).trim();
        long maxBodySize;
        try {
            maxBodySize = Long.parseLong(size);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MAX_BODY_SIZE + " must be a number of bytes, was '" + size + "'");
        }
        return new RestSettings(maxBodySize,
                Boolean.parseBoolean(properties.resolveProperty(ALLOW_ANONYMOUS).orElse("false").trim()),
                wholeSeconds(properties.resolveProperty(PROBE_INTERVAL).orElse("10s")));
    }

    /** Retry-After counts whole seconds: a duration is rounded up, and never below one second. */
    private static long wholeSeconds(String duration) {
        return Math.max(1, (TimeUtils.toMilliSeconds(duration.trim()) + 999) / 1000);
    }
}
