package com.expresschat.statussync;

/** Names of the exchange properties that carry an input through the routes. */
public final class ExchangeKeys {

    /** The {@link com.expresschat.statussync.intake.Input} being processed. */
    public static final String INPUT = "statusSyncInput";
    /** The input's {@link com.expresschat.statussync.outcome.InputReport}: its accounting, shared by its batches. */
    public static final String REPORT = "statusSyncReport";
    /** The input's {@link com.expresschat.statussync.outcome.DeadLetterFiles}. */
    public static final String DEAD_LETTERS = "statusSyncDeadLetters";
    /** The {@link com.expresschat.statussync.delivery.Batch} being delivered. */
    public static final String BATCH = "statusSyncBatch";
    /** Absolute path the file consumer moves the input to when it is done (done/ or error/). */
    public static final String ARCHIVE_PATH = "statusSyncArchivePath";

    private ExchangeKeys() {
    }
}
