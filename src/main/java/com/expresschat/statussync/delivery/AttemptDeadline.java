package com.expresschat.statussync.delivery;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The deadline of one attempt: when it passes, the attempt is cancelled (waiting for a pooled connection, connecting,
 * sending or reading the answer), which closes its connection, so the thread blocked in it gets an I/O error at once.
 */
final class AttemptDeadline {

    private final Duration deadline;
    private final ScheduledFuture<?> expiry;
    private volatile boolean expired;

    private AttemptDeadline(ExecChain.Scope scope, Duration deadline, ScheduledExecutorService timer) {
        this.deadline = deadline;
        // the request cancels whatever the attempt is waiting on (lease, then connection); without it, the connection
        Cancellable cancel = scope.originalRequest instanceof Cancellable request
                ? request
                : () -> {
                    scope.execRuntime.discardEndpoint();
                    return true;
                };
        this.expiry = timer.schedule(() -> {
            expired = true;
            cancel.cancel();
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    static AttemptDeadline start(ExecChain.Scope scope, Duration deadline, ScheduledExecutorService timer) {
        return new AttemptDeadline(scope, deadline, timer);
    }

    void disarm() {
        expiry.cancel(false);
    }

    boolean expired() {
        return expired;
    }

    /** The failure to report: a passed deadline says so, whatever error the cut connection caused. */
    IOException explain(IOException failure) {
        if (!expired) {
            return failure;
        }
        SocketTimeoutException timeout = new SocketTimeoutException(
                "no complete answer from express-chat within the attempt deadline of " + deadline.toMillis()
                + " ms (statussync.delivery.connect-timeout + response-timeout)");
        timeout.initCause(failure);
        return timeout;
    }
}
