package com.expresschat.statussync.model;

/** The classes of outbound failure of §4 and whether each is worth retrying. */
public enum FailureClass {
    /** Connect/read errors, timeouts, 408, 5xx: retried with backoff. */
    TRANSIENT(true),
    /** 429: retried, honouring Retry-After. */
    THROTTLED(true),
    /** Any other 4xx: express-chat refused this batch; retrying would not change that. */
    REJECTED(false),
    /** 401, 403: the token is refused; not retried. */
    AUTH(false);

    private final boolean retryable;

    FailureClass(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The class of an HTTP status that is not 2xx. */
    public static FailureClass ofHttpStatus(int status) {
        if (status == 401 || status == 403) {
            return AUTH;
        }
        if (status == 429) {
            return THROTTLED;
        }
        if (status == 408 || status >= 500) {
            return TRANSIENT;
        }
        return REJECTED;
    }
}
