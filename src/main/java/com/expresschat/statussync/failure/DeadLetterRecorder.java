package com.expresschat.statussync.failure;

import java.time.Clock;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.pause.NotSentException;
import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.model.ExchangeKeys;
import com.expresschat.statussync.model.FailureClass;
import com.expresschat.statussync.model.LogContext;
import com.expresschat.statussync.pause.IntakeGate;

/**
 * Where the delivery error handler's dead letter channel ends (direct:dead-letter): the outcome of a batch that
 * will not be delivered, with the classification of its last failure. Writing its rows to the input's dead-letter
 * file is the outcome stage's job. A token express-chat refuses (AUTH) pauses intake at once: every further call
 * would be refused too.
 */
public class DeadLetterRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRecorder.class);

    private final FailureClassifier classifier;
    private final IntakeGate gate;
    private final Clock clock;

    public DeadLetterRecorder(FailureClassifier classifier, IntakeGate gate, Clock clock) {
        this.classifier = classifier;
        this.gate = gate;
        this.clock = clock;
    }

    public BatchOutcome deadLettered(@ExchangeProperty(ExchangeKeys.BATCH) Batch batch,
            @ExchangeProperty(ExchangeKeys.LAST_FAILURE) DeliveryFailure lastFailure,
            @ExchangeProperty(ExchangeKeys.FAILED_ATTEMPTS) Integer failedAttempts,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable caught) {
        LogContext.batch(batch);
        NotSentException notSent = NotSentException.in(caught);
        if (notSent != null && notSent.reason().holds()) {
            // held, not failed (a stop while waiting for a token): the input fails and stays in the inbox
            throw new IllegalStateException("batch " + batch.number() + " was held and not sent ("
                    + notSent.reason().description() + "); the input stays in the inbox");
        }
        // no classification yet when the failure came before the retry policy was asked (e.g. making the request)
        DeliveryFailure failure = lastFailure != null ? lastFailure : classifier.classify(caught);
        if (failure.failureClass() == FailureClass.AUTH && failure.sent()) {
            gate.pause(IntakeGate.Reason.TOKEN_REJECTED);
        }
        int attempts = failedAttempts == null ? 0 : failedAttempts;
        return BatchOutcome.deadLettered(batch, attempts, failure.failureClass(), failure.httpStatus(),
                failure.responseBody(), failure.exception(), clock.instant());
    }

    /**
     * The dead-letter route's last step: one ERROR line per batch given up on. An isolated batch has its own summary
     * line (BatchIsolation), and the parts it sends are logged at DEBUG only: a refused ID must not cost a dozen
     * ERROR lines on the way to it.
     */
    public void log(@Body BatchOutcome outcome, @ExchangeProperty(ExchangeKeys.ISOLATION_PART) Boolean part) {
        if (!outcome.deadLettered() || part != null && !LOG.isDebugEnabled()) {
            return;
        }
        Batch batch = outcome.batch();
        String line = "Batch {} of {} ({} IDs, request id {}) dead-lettered after {} attempt(s): {} {}";
        Object[] args = { batch.number(), batch.inputName(), batch.size(), batch.requestId(), outcome.attempts(),
                outcome.failureClass(), outcome.httpStatus() != null ? "HTTP " + outcome.httpStatus()
                        : outcome.exception() };
        if (part != null) {
            LOG.debug(line, args);
        } else {
            LOG.error(line, args);
        }
    }
}
