package com.expresschat.statussync.intake.rest;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import com.expresschat.statussync.model.Receipt;

/**
 * Answers a synchronous request with its receipt (§6): 200 when DELIVERED; 502 when some or all batches were
 * dead-lettered (their IDs are in error/ for replay, named in the receipt); 400 problem+json naming the invalid
 * rows when the input was REJECTED and nothing was sent.
 */
public class ReceiptAnswer implements Processor {

    private final HttpAnswer answer;

    public ReceiptAnswer(HttpAnswer answer) {
        this.answer = answer;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Receipt receipt = exchange.getMessage().getMandatoryBody(Receipt.class);
        switch (receipt.outcome()) {
            case DELIVERED -> answer.json(exchange.getMessage(), 200, receipt);
            case PARTIAL, FAILED -> answer.json(exchange.getMessage(), 502, receipt);
            case REJECTED -> answer.problem(exchange.getMessage(), Problem.rejected(receipt));
        }
    }
}
