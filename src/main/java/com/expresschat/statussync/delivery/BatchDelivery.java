package com.expresschat.statussync.delivery;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;

import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.model.ExchangeKeys;

/**
 * Sends a batch through direct:deliver-batch as an exchange of its own and returns its outcome: for a part of a
 * REJECTED batch (isolation: the batch's own exchange is in its dead letter channel), and for a batch a Kafka worker
 * consumed. Not a plain {@code to}: a batch that ends in deliver-batch's dead letter channel is handled there, and a
 * handled exchange would end the calling route too (the worker's, before its outcome is published and its offset
 * committed). The fresh exchange also carries none of the caller's headers or properties.
 */
public class BatchDelivery {

    private final ProducerTemplate template;

    public BatchDelivery(ProducerTemplate template) {
        this.template = template;
    }

    public BatchOutcome deliver(@Body Batch batch) {
        return send(batch, false);
    }

    /** A part of a REJECTED batch, marked so that its own dead letter does not start another isolation. */
    public BatchOutcome deliverPart(Batch part) {
        return send(part, true);
    }

    private BatchOutcome send(Batch batch, boolean part) {
        Exchange done = template.send(ExchangeKeys.DELIVER_BATCH_URI, exchange -> {
            exchange.getMessage().setBody(batch);
            if (part) {
                exchange.setProperty(ExchangeKeys.ISOLATION_PART, Boolean.TRUE);
            }
        });
        if (done.getException() != null) {
            throw RuntimeCamelException.wrapRuntimeException(done.getException());
        }
        BatchOutcome outcome = done.getMessage().getBody(BatchOutcome.class);
        if (outcome == null) {
            throw new IllegalStateException("batch " + batch.requestId() + " ended without an outcome");
        }
        return outcome;
    }
}
