package com.expresschat.statussync.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import com.expresschat.statussync.ExchangeKeys;
import com.expresschat.statussync.LogContext;
import com.expresschat.statussync.failure.ExpressChatCircuit;
import com.expresschat.statussync.failure.FailureClassifier;
import com.expresschat.statussync.failure.RetryPolicy;
import com.expresschat.statussync.outcome.BatchRecord;
import com.expresschat.statussync.outcome.InputReport;

/** Records a batch that express-chat accepted (any 2xx), with its answer, in the input's report and the circuit. */
public class DeliveryRecorder implements Processor {

    private final ExpressChatCircuit circuit;
    private final FailureClassifier classifier;

    /** {@code classifier} makes the answer storable (secrets scrubbed, truncated) as it does for failures. */
    public DeliveryRecorder(ExpressChatCircuit circuit, FailureClassifier classifier) {
        this.circuit = circuit;
        this.classifier = classifier;
    }

    @Override
    public void process(Exchange exchange) {
        circuit.recordSuccess();
        Batch batch = exchange.getProperty(ExchangeKeys.BATCH, Batch.class);
        LogContext.batch(batch);
        InputReport report = exchange.getProperty(ExchangeKeys.REPORT, InputReport.class);
        report.batchDone(new BatchRecord(
                batch.number(), batch.requestId(), batch.status(), batch.size(),
                RetryPolicy.failedAttempts(exchange) + 1,
                BatchRecord.DELIVERED,
                exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class),
                classifier.storable(exchange.getMessage().getBody(String.class))));
    }
}
