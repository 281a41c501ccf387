package com.expresschat.statussync.failure;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.ExchangeKeys;
import com.expresschat.statussync.LogContext;
import com.expresschat.statussync.delivery.Batch;
import com.expresschat.statussync.outcome.BatchRecord;
import com.expresschat.statussync.outcome.DeadLetterFiles;
import com.expresschat.statussync.outcome.InputReport;

/**
 * Where the delivery error handler's dead letter channel ends (direct:dead-letter): the batch's rows go
 * to its input's dead-letter file for the failure class, and the report counts them as dead-lettered.
 * A token express-chat refuses (AUTH) pauses intake at once: every further call would be refused too.
 * If the rows cannot be written, the exception propagates (deadLetterHandleNewException=false), the
 * input fails and stays in the inbox: an ID is never dropped silently.
 */
public class DeadLetterRecorder implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRecorder.class);

    private final FailureClassifier classifier;
    private final IntakeGate gate;
    private final Clock clock;

    public DeadLetterRecorder(FailureClassifier classifier, IntakeGate gate, Clock clock) {
        this.classifier = classifier;
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        Batch batch = exchange.getProperty(ExchangeKeys.BATCH, Batch.class);
        LogContext.batch(batch);
        NotSentException notSent = NotSentException.in(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        if (notSent != null && notSent.reason().holds()) {
            // held, not failed (a stop while waiting for a token): the input fails and stays in the inbox
            throw new IllegalStateException("batch " + batch.number() + " was held and not sent ("
                    + notSent.reason().description() + "); the input stays in the inbox");
        }
        DeliveryFailure failure = exchange.getProperty(RetryPolicy.LAST_FAILURE, DeliveryFailure.class);
        if (failure == null) {
            failure = classifier.classify(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        }
        if (failure.failureClass() == FailureClass.AUTH && failure.sent()) {
            gate.pause(IntakeGate.Reason.TOKEN_REJECTED);
        }
        int attempts = RetryPolicy.failedAttempts(exchange);
        Instant now = clock.instant();
        exchange.getProperty(ExchangeKeys.DEAD_LETTERS, DeadLetterFiles.class).add(batch, failure, attempts, now);
        exchange.getProperty(ExchangeKeys.REPORT, InputReport.class).batchDone(new BatchRecord(
                batch.number(), batch.requestId(), batch.status(), batch.size(), attempts,
                failure.failureClass().name(), failure.httpStatus(), failure.responseBody()));
        LOG.error("Batch {} of {} ({} IDs, request id {}) dead-lettered after {} attempt(s): {}",
                batch.number(), batch.inputName(), batch.size(), batch.requestId(), attempts,
                RetryPolicy.describe(failure));
    }
}
