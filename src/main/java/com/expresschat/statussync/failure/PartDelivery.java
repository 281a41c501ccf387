package com.expresschat.statussync.failure;

import java.util.function.Function;

import org.apache.camel.ProducerTemplate;

import com.expresschat.statussync.delivery.BatchDelivery;
import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.BatchOutcome;

/**
 * Sends one part of a REJECTED batch through direct:deliver-batch, as an exchange of its own (the batch's exchange
 * is in its dead letter channel, and a fresh exchange carries none of its attempts or failure), marked as a part so
 * that its own dead letter does not start another isolation.
 */
public class PartDelivery implements Function<Batch, BatchOutcome> {

    private final BatchDelivery delivery;

    public PartDelivery(ProducerTemplate template) {
        this.delivery = new BatchDelivery(template);
    }

    @Override
    public BatchOutcome apply(Batch part) {
        return delivery.deliverPart(part);
    }
}
