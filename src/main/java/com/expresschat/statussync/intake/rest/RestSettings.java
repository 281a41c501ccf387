package com.expresschat.statussync.intake.rest;

import org.apache.camel.spi.PropertiesComponent;

/**
 * The {@code statussync.rest.*} settings.
 *
 * @param maxBodySize    largest request body in bytes; larger ones are answered 413
 * @param allowAnonymous whether the prod profile may serve the intake without authentication
 */
public record RestSettings(long maxBodySize, boolean allowAnonymous) {

    static final String MAX_BODY_SIZE = "statussync.rest.max-body-size";
    static final String ALLOW_ANONYMOUS = "statussync.rest.allow-anonymous";

    public RestSettings {
        if (maxBodySize < 1) {
            throw new IllegalArgumentException(MAX_BODY_SIZE + " must be at least 1 byte, was " + maxBodySize);
        }
    }

    public static RestSettings from(PropertiesComponent properties) {
        String size = properties.resolveProperty(MAX_BODY_SIZE)
                .orElseThrow(() -> new IllegalArgumentException("missing setting " + MAX_BODY_SIZE)).trim();
        try {
            return new RestSettings(Long.parseLong(size),
                    Boolean.parseBoolean(properties.resolveProperty(ALLOW_ANONYMOUS).orElse("false").trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MAX_BODY_SIZE + " must be a number of bytes, was '" + size + "'");
        }
    }
}
