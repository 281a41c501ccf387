package com.expresschat.statussync.model;

/**
 * The one exchange property of an input being processed ({@code ExchangeKeys.INPUT_RUN}): the input and its tally.
 * Stages below the outcome stage see only this; the outcome stage's implementation also keeps the receipt records
 * and dead-letter files.
 */
public interface InputRun {

    Input input();

    Tally tally();

    /**
     * Whether the outcome of batch {@code number} (1-based) is recorded already, by an earlier run of the same
     * claimed input (its journal): such a batch is not sent again.
     */
    default boolean recorded(int number) {
        return false;
    }
}
