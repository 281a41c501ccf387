package com.expresschat.statussync.transport;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;

/**
 * The aggregation strategy of publish-batches' split: counts the batches the broker acknowledged (the input's closing
 * record carries the count), and fails the input on the first batch that was not, so that it stays in the inbox.
 */
public class PublishedBatchCount implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange, Exchange inputExchange) {
        if (newExchange.getException() != null) {
            throw RuntimeCamelException.wrapRuntimeException(newExchange.getException());
        }
        Integer count = inputExchange.getProperty(BatchPublishing.PUBLISHED, 0, Integer.class);
        inputExchange.setProperty(BatchPublishing.PUBLISHED, count + 1);
        return inputExchange;
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        throw new UnsupportedOperationException("needs the split's input exchange");
    }
}
