package com.expresschat.statussync.outcome;

import java.time.Clock;
import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

import com.expresschat.statussync.ExchangeKeys;
import com.expresschat.statussync.LogContext;
import com.expresschat.statussync.intake.FileIntake;
import com.expresschat.statussync.intake.Input;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Opens the accounting of an input as it enters the pipeline: its {@link InputReport} and its
 * {@link DeadLetterFiles}, shared by all its batches through exchange properties. Should processing fail
 * (the input then stays in the inbox and is tried again), unpublished dead letters are dropped so that
 * the retry does not leave two copies.
 */
public class InputAccounting {

    private final Folders folders;
    private final ObjectMapper json;
    private final Clock clock;
    private final int progressEveryBatches;
    private final Duration progressEvery;

    public InputAccounting(Folders folders, ObjectMapper json, Clock clock, int progressEveryBatches,
            Duration progressEvery) {
        this.folders = folders;
        this.json = json;
        this.clock = clock;
        this.progressEveryBatches = progressEveryBatches;
        this.progressEvery = progressEvery;
    }

    public void open(Exchange exchange) {
        Input input = exchange.getMessage().getBody(Input.class);
        DeadLetterFiles deadLetters = new DeadLetterFiles(folders, input.name(), json);
        exchange.setProperty(ExchangeKeys.INPUT, input);
        LogContext.input(input.name());
        ProgressLog progress = new ProgressLog(progressEveryBatches, progressEvery, clock);
        // a dropped file's batch records may spill into done/, where its receipt goes; a REST input's stay in memory
        BatchRecords batches = FileIntake.SOURCE.equals(input.source())
                ? new BatchRecords(folders.done(), json, BatchRecords.RUN_SIZE)
                : new BatchRecords();
        exchange.setProperty(ExchangeKeys.REPORT, new InputReport(input, clock.instant(), progress, batches));
        exchange.setProperty(ExchangeKeys.DEAD_LETTERS, deadLetters);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onFailure(Exchange failed) {
                deadLetters.abandon();
                super.onFailure(failed);
            }

            @Override
            public void onDone(Exchange done) {
                batches.discard();
            }
        });
    }
}
