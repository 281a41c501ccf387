package com.expresschat.statussync.model;

/**
 * One row of an input: a user ID to update, with its optional subscriber ID and status.
 *
 * @param line         1-based line number in the input (for JSON: the line of the ID's token)
 * @param id           the user ID as written (trimmed), never null for a parsed row
 * @param subscriberId the subscriber ID, or null when the row has none
 * @param status       the status the row gives (trimmed; blank when its field or cell is empty, which is invalid), or
 *                     null when the input carries no status for it (no field, no column): then the default applies
 * @param problem      why the row could not be parsed (e.g. "3 columns, expected 1 or 2"), or null when it parsed
 */
public record Row(long line, String id, String subscriberId, String status, String problem) {

    public static Row of(long line, String id, String subscriberId, String status) {
        return new Row(line, id, blankToNull(subscriberId), status == null ? null : status.strip(), null);
    }

    /** A row that could not be parsed; {@code value} is the raw text shown in the error report. */
    public static Row unparseable(long line, String value, String problem) {
        return new Row(line, value, null, null, problem);
    }

    public boolean parsed() {
        return problem == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
