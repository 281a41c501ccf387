package com.expresschat.statussync.model;

/** The input as a whole cannot be used; the message is the reason shown to the operator. */
public class InputRejectedException extends Exception {

    public InputRejectedException(String reason) {
        super(reason);
    }

    public InputRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
