package com.expresschat.statussync.transport;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;

import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.model.ExchangeKeys;

/**
 * Sends a consumed batch through direct:deliver-batch as an exchange of its own and returns its outcome. Not a plain
 * {@code to}: a batch that ends in deliver-batch's dead letter channel is handled there, and a handled exchange would
 * end the worker's route too, before its outcome is published and its offset committed. The fresh exchange also
 * carries none of the record's Kafka headers.
 */
public class BatchDelivery {

    private final ProducerTemplate template;

    public BatchDelivery(ProducerTemplate template) {
        this.template = template;
    }

    public BatchOutcome deliver(@Body Batch batch) {
        Exchange done = template.send(ExchangeKeys.DELIVER_BATCH_URI, exchange -> exchange.getMessage().setBody(batch));
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
