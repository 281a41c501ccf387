package com.expresschat.statussync.intake;

/** Shortens a value for error reports, so that one absurd row cannot bloat the report. */
public final class Excerpt {

    public static final int MAX_LENGTH = 200;

    private Excerpt() {
    }

    public static String of(String text) {
        if (text == null || text.length() <= MAX_LENGTH) {
            return text;
        }
        return text.substring(0, MAX_LENGTH) + "…";
    }

    /** The first line of a (library) message, shortened. */
    public static String firstLineOf(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return of((newline < 0 ? message : message.substring(0, newline)).strip());
    }
}
