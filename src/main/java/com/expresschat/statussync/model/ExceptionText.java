package com.expresschat.statussync.model;

/** An exception as outcomes and log lines show it: its class and the first line of its message. */
public final class ExceptionText {

    private ExceptionText() {
    }

    /** "java.net.ConnectException: Connection refused"; null for null. */
    public static String oneLine(Throwable t) {
        if (t == null) {
            return null;
        }
        String message = t.getMessage();
        return t.getClass().getName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
