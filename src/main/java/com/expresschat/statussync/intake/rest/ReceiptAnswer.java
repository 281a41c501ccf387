package com.expresschat.statussync.intake.rest;

import org.apache.camel.Body;

import com.fasterxml.jackson.core.JsonProcessingException;

import com.expresschat.statussync.model.Receipt;

/**
 * Answers a synchronous request with its receipt (§6): 200 when DELIVERED; 502 when some or all batches were
 * dead-lettered (their IDs are in error/ for replay, named in the receipt); 400 problem+json naming the invalid
 * rows when the input was REJECTED and nothing was sent.
 */
public class ReceiptAnswer {

    private final HttpAnswer answer;

    public ReceiptAnswer(HttpAnswer answer) {
        this.answer = answer;
    }

    public Answer answerTo(@Body Receipt receipt) throws JsonProcessingException {
        return switch (receipt.outcome()) {
            // a dry run sent nothing and failed nothing: its receipt shows what would have been sent
            case DELIVERED, DRY_RUN -> answer.json(200, receipt);
            case PARTIAL, FAILED -> answer.json(502, receipt);
            case REJECTED -> answer.problem(Problem.rejected(receipt));
        };
    }
}
