package com.expresschat.statussync.operations;

import java.time.Duration;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

import com.expresschat.statussync.failure.DeliveryFailure;
import com.expresschat.statussync.failure.FailureClassifier;
import com.expresschat.statussync.failure.RetryPolicy;
import com.expresschat.statussync.model.ExchangeKeys;

/**
 * Measures every PUT to express-chat from Camel's own "exchange sent" events, so that delivery code stays
 * free of metrics: latency and HTTP status per attempt, retries (an attempt after a failed one), and the first
 * attempt of each part a REJECTED batch is bisected into (isolation requests).
 * Only exchanges that carry a batch count: the probe's GET does not.
 */
public class ExpressChatCallMetrics extends EventNotifierSupport {

    private final StatusSyncMetrics metrics;
    private final FailureClassifier classifier;
    private final String expressChatUrl;

    public ExpressChatCallMetrics(StatusSyncMetrics metrics, FailureClassifier classifier, String expressChatUrl) {
        this.metrics = metrics;
        this.classifier = classifier;
        this.expressChatUrl = expressChatUrl;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
        // "sending" events stay on: Camel's SendProcessor times the call and emits "sent" only when some
        // notifier took the "sending" event (camel-core-processor 4.18 SendProcessor#process)
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        if (event instanceof ExchangeSendingEvent sending) {
            return isPut(sending.getExchange(), sending.getEndpoint());
        }
        return event instanceof ExchangeSentEvent sent && isPut(sent.getExchange(), sent.getEndpoint());
    }

    private boolean isPut(Exchange exchange, Endpoint endpoint) {
        return exchange.getProperty(ExchangeKeys.BATCH) != null && endpoint.getEndpointUri().startsWith(expressChatUrl);
    }

    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof ExchangeSentEvent sent)) {
            return; // "sending": taken only so that Camel emits "sent"
        }
        Exchange exchange = sent.getExchange();
        Integer status = exchange.getException() == null
                ? exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)
                : classifier.classify(exchange.getException()).httpStatus();
        metrics.requestDone(status == null ? "error" : status.toString(), Duration.ofMillis(sent.getTimeTaken()));
        DeliveryFailure previous = exchange.getProperty(ExchangeKeys.LAST_FAILURE, DeliveryFailure.class);
        if (RetryPolicy.failedAttempts(exchange) > 0 && previous != null) {
            metrics.retried(previous.failureClass().name());
        } else if (exchange.getProperty(ExchangeKeys.ISOLATION_PART) != null) {
            metrics.isolationRequest();
        }
    }
}
