package com.expresschat.statussync.delivery;

import java.io.IOException;

import org.apache.camel.Exchange;

import com.expresschat.statussync.ExchangeKeys;
import com.expresschat.statussync.intake.Input;
import com.expresschat.statussync.outcome.InputReport;
import com.expresschat.statussync.validation.RowValidator;

/** The second pass over a validated input: its batches, read lazily for the streaming splitter. */
public class BatchSource {

    private final RowValidator validator;
    private final int batchSize;

    public BatchSource(RowValidator validator, int batchSize) {
        this.validator = validator;
        this.batchSize = batchSize;
    }

    /** An iterator the splitter closes when it is done with it (which closes the input). */
    public Batcher batchesOf(Exchange exchange) throws IOException {
        Input input = exchange.getProperty(ExchangeKeys.INPUT, Input.class);
        InputReport report = exchange.getProperty(ExchangeKeys.REPORT, InputReport.class);
        return new Batcher(input.openRows(), validator, report, batchSize);
    }
}
