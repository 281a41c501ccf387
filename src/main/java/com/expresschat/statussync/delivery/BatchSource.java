package com.expresschat.statussync.delivery;

import java.io.IOException;

import org.apache.camel.ExchangeProperty;

import com.expresschat.statussync.model.ExchangeKeys;
import com.expresschat.statussync.model.InputRun;
import com.expresschat.statussync.validation.RowValidator;

/**
 * The second pass over a validated input: its batches, read lazily for the streaming splitter, without those its
 * run has recorded already.
 */
public class BatchSource {

    private final RowValidator validator;
    private final int batchSize;

    public BatchSource(RowValidator validator, int batchSize) {
        this.validator = validator;
        this.batchSize = batchSize;
    }

    /** An iterator the splitter closes when it is done with it (which closes the input). */
    public Batcher batchesOf(@ExchangeProperty(ExchangeKeys.INPUT_RUN) InputRun run) throws IOException {
        // batches an earlier run of the input recorded (its journal) are numbered as before but not sent again
        return new Batcher(run.input().openRows(), validator, run.input().name(), batchSize, run.tally(),
                run::recorded);
    }
}
