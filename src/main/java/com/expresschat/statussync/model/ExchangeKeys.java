package com.expresschat.statussync.model;

/** Names of the exchange properties and routes that Java code refers to (the YAML spells the same names). */
public final class ExchangeKeys {

    /**
     * The one property of an input being processed: its {@link com.expresschat.statussync.model.InputRun}
     * (the outcome stage's {@code InputLedger}), set by process-input.
     */
    public static final String INPUT_RUN = "statusSyncInputRun";
    /** The {@link com.expresschat.statussync.model.Batch} being delivered, kept by deliver-batch across attempts. */
    public static final String BATCH = "statusSyncBatch";
    /** The {@link com.expresschat.statussync.failure.DeliveryFailure} of the batch's latest attempt (RetryPolicy). */
    public static final String LAST_FAILURE = "statusSyncLastFailure";
    /** How many attempts of the batch reached express-chat and failed (RetryPolicy). */
    public static final String FAILED_ATTEMPTS = "statusSyncFailedAttempts";
    /**
     * Set on the exchange of a part of a REJECTED batch that isolation sends through deliver-batch: a part that is
     * refused is split by the isolation already running, never isolated again from its own dead letter.
     */
    public static final String ISOLATION_PART = "statusSyncIsolationPart";
    /** Absolute path the file consumer moves the input to when it is done (done/ or error/), set by file-intake. */
    public static final String ARCHIVE_PATH = "statusSyncArchivePath";

    /** The file intake route (its consumer is suspended while intake is paused). */
    public static final String FILE_INTAKE_ROUTE = "file-intake";
    /** The delivery route of one batch (its in-flight exchanges are the batches in flight). */
    public static final String DELIVER_BATCH_ROUTE = "deliver-batch";
    /** Where one batch is delivered: a Batch in, a BatchOutcome out (routes/delivery.camel.yaml). */
    public static final String DELIVER_BATCH_URI = "direct:" + DELIVER_BATCH_ROUTE;

    private ExchangeKeys() {
    }
}
