package com.expresschat.statussync.pause;

/** A batch that was not sent because intake is paused (circuit open, token rejected). */
public class NotSentException extends Exception {

    private final transient IntakeGate.Reason reason;

    public NotSentException(IntakeGate.Reason reason) {
        super("not sent: " + reason.description());
        this.reason = reason;
    }

    public IntakeGate.Reason reason() {
        return reason;
    }

    /** The NotSentException in a failure's cause chain, or null. */
    public static NotSentException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NotSentException notSent) {
                return notSent;
            }
        }
        return null;
    }
}
