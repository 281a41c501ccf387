package com.expresschat.statussync.model;

/**
 * The one exchange property of an input being processed ({@code ExchangeKeys.INPUT_RUN}): the input and its tally.
 * Stages below the outcome stage see only this; the outcome stage's implementation also keeps the receipt records
 * and dead-letter files.
 */
public interface InputRun {

    Input input();

    Tally tally();
}
