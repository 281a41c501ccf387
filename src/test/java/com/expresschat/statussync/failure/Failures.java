package com.expresschat.statussync.failure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.apache.camel.http.base.HttpOperationFailedException;

/** Test fixtures: a fixed clock and the exceptions camel-http throws for an answer that is not 2xx. */
final class Failures {

    static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String URL = "https://api.v7.express-chat.com/inbox/users/status-update";

    private Failures() {
    }

    static HttpOperationFailedException httpFailure(int status) {
        return httpFailure(status, Map.of(), "{\"error\":\"" + status + "\"}");
    }

    static HttpOperationFailedException httpFailure(int status, Map<String, String> headers, String body) {
        return new HttpOperationFailedException(URL, status, "status " + status, null, headers, body);
    }
}
