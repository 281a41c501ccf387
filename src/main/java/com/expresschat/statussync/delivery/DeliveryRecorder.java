package com.expresschat.statussync.delivery;

import java.time.Clock;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

import com.expresschat.statussync.credentials.Secrets;
import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.model.ExchangeKeys;
import com.expresschat.statussync.model.LogContext;
import com.expresschat.statussync.pause.ExpressChatCircuit;

/** The outcome of a batch express-chat accepted (any 2xx), with its answer; the circuit learns of the success. */
public class DeliveryRecorder {

    private final ExpressChatCircuit circuit;
    private final Clock clock;
    private final Secrets secrets;

    /** {@code secrets} are scrubbed from the answer before it is kept, as for failures. */
    public DeliveryRecorder(ExpressChatCircuit circuit, Clock clock, Secrets secrets) {
        this.circuit = circuit;
        this.clock = clock;
        this.secrets = secrets;
    }

    public BatchOutcome delivered(@ExchangeProperty(ExchangeKeys.BATCH) Batch batch,
            @ExchangeProperty(ExchangeKeys.FAILED_ATTEMPTS) Integer failedAttempts,
            @Header(Exchange.HTTP_RESPONSE_CODE) Integer httpStatus, @Body String response) {
        circuit.recordSuccess();
        LogContext.batch(batch);
        int attempts = (failedAttempts == null ? 0 : failedAttempts) + 1;
        return BatchOutcome.delivered(batch, attempts, httpStatus, BatchOutcome.excerpt(secrets.scrub(response)),
                clock.instant());
    }
}
