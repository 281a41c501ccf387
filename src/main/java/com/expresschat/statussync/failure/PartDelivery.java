package com.expresschat.statussync.failure;

import java.util.function.Function;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;

import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.model.ExchangeKeys;

/**
 * Sends one part of a REJECTED batch through direct:deliver-batch, as an exchange of its own (the batch's exchange
 * is in its dead letter channel, and a fresh exchange carries none of its attempts or failure), marked as a part so
 * that its own dead letter does not start another isolation.
 */
public class PartDelivery implements Function<Batch, BatchOutcome> {

    private final ProducerTemplate template;

    public PartDelivery(ProducerTemplate template) {
        this.template = template;
    }

    @Override
    public BatchOutcome apply(Batch part) {
        Exchange done = template.send(ExchangeKeys.DELIVER_BATCH_URI, exchange -> {
            exchange.getMessage().setBody(part);
            exchange.setProperty(ExchangeKeys.ISOLATION_PART, Boolean.TRUE);
        });
        if (done.getException() != null) {
            throw RuntimeCamelException.wrapRuntimeException(done.getException());
        }
        BatchOutcome outcome = done.getMessage().getBody(BatchOutcome.class);
        if (outcome == null) {
            throw new IllegalStateException("part " + part.requestId() + " ended without an outcome");
        }
        return outcome;
    }
}
