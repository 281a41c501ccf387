package com.expresschat.statussync.model;

/** How an input ended (§5). */
public enum Outcome {
    /** Every batch was accepted by express-chat. */
    DELIVERED,
    /** Some batches were dead-lettered. */
    PARTIAL,
    /** Every batch was dead-lettered. */
    FAILED,
    /** The input was invalid: nothing was sent. */
    REJECTED,
    /** statussync.dry-run: the input was valid; its receipt shows the requests that would have been sent. */
    DRY_RUN
}
