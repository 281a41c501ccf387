package com.expresschat.statussync.transport;

import java.util.List;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;

/**
 * The aggregation strategy of publish-batches' split: counts the batches the broker acknowledged (the input's closing
 * record carries the count), a send of several at a time, and fails the input on the first send that was not, so that it
 * stays in the inbox.
 */
public class PublishedBatchCount implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange, Exchange inputExchange) {
        if (newExchange.getException() != null) {
            throw RuntimeCamelException.wrapRuntimeException(newExchange.getException());
        }
        Integer count = inputExchange.getProperty(BatchPublishing.PUBLISHED, 0, Integer.class);
        // one send: its records, each acknowledged
        inputExchange.setProperty(BatchPublishing.PUBLISHED, count + newExchange.getMessage().getBody(List.class).size());
        return inputExchange;
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        throw new UnsupportedOperationException("needs the split's input exchange");
    }
}
