package com.expresschat.statussync.outcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

import com.expresschat.statussync.model.Input;
import com.expresschat.statussync.model.LogContext;
import com.expresschat.statussync.storage.Folders;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Opens the ledger of an input as it enters process-input (which keeps it as its one input-run property). Should
 * processing fail (the input then stays in the inbox and is tried again), unpublished dead letters are dropped so
 * that the retry does not leave two copies; spilled batch records are removed whatever the end.
 */
public class InputLedgers {

    private final Folders folders;
    private final ObjectMapper json;
    private final Clock clock;
    private final int progressEveryBatches;
    private final Duration progressEvery;

    public InputLedgers(Folders folders, ObjectMapper json, Clock clock, int progressEveryBatches,
            Duration progressEvery) {
        this.folders = folders;
        this.json = json;
        this.clock = clock;
        this.progressEveryBatches = progressEveryBatches;
        this.progressEvery = progressEvery;
    }

    /** The exchange is only used to tie the ledger's clean-up to the end of the input's exchange. */
    public InputLedger open(Input input, Exchange exchange) {
        InputLedger ledger = open(input);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onFailure(Exchange failed) {
                ledger.abandon();
                super.onFailure(failed);
            }

            @Override
            public void onDone(Exchange done) {
                ledger.discard();
            }
        });
        return ledger;
    }

    InputLedger open(Input input) {
        return open(input, clock.instant());
    }

    /**
     * The ledger of an input that was taken at {@code startedAt}, elsewhere (statussync.transport=kafka: its
     * outcomes are collected here); the caller discards or abandons it.
     */
    public InputLedger open(Input input, Instant startedAt) {
        LogContext.input(input.name());
        // an archived input's batch records may spill into done/, where its receipt goes; a REST input's stay in
        // memory (its size is bounded by the body limit)
        BatchRecords batches = input.archived()
                ? new BatchRecords(folders.done(), json, BatchRecords.RUN_SIZE)
                : new BatchRecords();
        return new InputLedger(input, startedAt, batches, new DeadLetterFiles(folders, input.name(), json),
                new ProgressLog(progressEveryBatches, progressEvery, clock));
    }
}
