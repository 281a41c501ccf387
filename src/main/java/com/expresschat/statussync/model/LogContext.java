package com.expresschat.statussync.model;

import org.slf4j.MDC;


/**
 * The input and batch a log line is about, as MDC keys {@code input} and {@code batch} (shown by the log
 * pattern in log4j2.properties). Batches are delivered on pool and redelivery threads, so each step that logs about
 * a batch sets them for its thread.
 */
public final class LogContext {

    public static final String INPUT = "input";
    public static final String BATCH = "batch";

    private LogContext() {
    }

    public static void input(String inputName) {
        MDC.put(INPUT, inputName);
        MDC.remove(BATCH);
    }

    public static void batch(Batch batch) {
        MDC.put(INPUT, batch.inputName());
        MDC.put(BATCH, String.valueOf(batch.number()));
    }
}
