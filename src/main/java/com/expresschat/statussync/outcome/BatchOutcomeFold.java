package com.expresschat.statussync.outcome;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;

import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.model.ExchangeKeys;

/**
 * The aggregation strategy of process-input's split (a Composed Message Processor): each batch's sub-exchange ends
 * with its {@link BatchOutcome} as the body, and this folds the outcomes into the input's ledger one at a time
 * (Camel's splitter aggregates under its own lock unless parallelAggregate is set, so the ledger needs none).
 * <p>
 * A failure here (a dead letter that cannot be written) or in a batch's exchange is thrown: the splitter then stops
 * taking batches and the input fails, which leaves it in the inbox to be tried again; nothing is dropped.
 */
public class BatchOutcomeFold implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange, Exchange inputExchange) {
        if (newExchange.getException() != null) {
            throw RuntimeCamelException.wrapRuntimeException(newExchange.getException());
        }
        InputLedger ledger = inputExchange.getProperty(ExchangeKeys.INPUT_RUN, InputLedger.class);
        BatchOutcome outcome = newExchange.getMessage().getBody(BatchOutcome.class);
        if (outcome == null) {
            throw new IllegalStateException("a batch of " + ledger.input().name() + " ended without an outcome: "
                                            + newExchange.getMessage().getBody());
        }
        try {
            ledger.record(outcome);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record batch " + outcome.batch().number() + " of "
                                           + ledger.input().name() + ": " + e.getMessage(), e);
        }
        // the input's own exchange carries on: nothing of a batch's exchange leaks into it
        return inputExchange;
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        throw new UnsupportedOperationException("needs the split's input exchange");
    }
}
