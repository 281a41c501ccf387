package com.expresschat.statussync.failure;

import java.time.Duration;

import com.expresschat.statussync.model.FailureClass;
import com.expresschat.statussync.pause.IntakeGate;

/**
 * Why one attempt to deliver a batch failed, classified (§4).
 *
 * @param failureClass what kind of failure it is
 * @param httpStatus   the HTTP status express-chat answered, or null when there was no answer
 * @param responseBody the start of express-chat's answer (truncated), or null
 * @param exception    the exception in one line ("java.net.ConnectException: Connection refused"), or null
 * @param retryAfter   the delay express-chat asked for with Retry-After, or null
 * @param sent         false when the batch was not sent at all (intake paused, circuit open)
 */
public record DeliveryFailure(
        FailureClass failureClass, Integer httpStatus, String responseBody, String exception, Duration retryAfter,
        boolean sent) {

    /** A batch held back without a call, for the reason intake is paused. */
    public static DeliveryFailure notSent(IntakeGate.Reason reason) {
        return new DeliveryFailure(reason.failureClass(), null, null, "not sent: " + reason.description(), null, false);
    }
}
