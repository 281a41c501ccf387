package com.expresschat.statussync.validation;

/** What to do with an input that has invalid rows (§2, statussync.on-invalid). */
public enum OnInvalid {
    /** Reject the whole input: nothing is sent. */
    REJECT,
    /** Send the valid rows and report the skipped ones. */
    SKIP
}
