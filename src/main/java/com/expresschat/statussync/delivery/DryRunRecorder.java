package com.expresschat.statussync.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import com.expresschat.statussync.ExchangeKeys;
import com.expresschat.statussync.outcome.BatchRecord;
import com.expresschat.statussync.outcome.InputReport;

/** statussync.dry-run: instead of sending a batch, records the request it would have been in the receipt. */
public class DryRunRecorder implements Processor {

    @Override
    public void process(Exchange exchange) {
        Batch batch = exchange.getMessage().getBody(Batch.class);
        exchange.getProperty(ExchangeKeys.REPORT, InputReport.class).batchDone(BatchRecord.dryRun(batch));
    }
}
