package com.expresschat.statussync.outcome;

import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

import com.expresschat.statussync.ExchangeKeys;
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

    public InputAccounting(Folders folders, ObjectMapper json, Clock clock) {
        this.folders = folders;
        this.json = json;
        this.clock = clock;
    }

    public void open(Exchange exchange) {
        Input input = exchange.getMessage().getBody(Input.class);
        DeadLetterFiles deadLetters = new DeadLetterFiles(folders, input.name(), json);
        exchange.setProperty(ExchangeKeys.INPUT, input);
        exchange.setProperty(ExchangeKeys.REPORT, new InputReport(input, clock.instant()));
        exchange.setProperty(ExchangeKeys.DEAD_LETTERS, deadLetters);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onFailure(Exchange failed) {
                deadLetters.abandon();
            }
        });
    }
}
