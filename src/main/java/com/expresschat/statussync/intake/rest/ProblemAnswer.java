package com.expresschat.statussync.intake.rest;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a REST request that failed: a {@link RestProblem} with its own problem+json; anything else with a
 * 500 problem that tells the client what it may do, without exception text (which may hold paths).
 */
public class ProblemAnswer implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAnswer.class);

    private final HttpAnswer answer;

    public ProblemAnswer(HttpAnswer answer) {
        this.answer = answer;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure instanceof RestProblem refused) {
            LOG.info("REST request refused: {}", refused.getMessage());
            answer.problem(exchange.getMessage(), refused.problem(), refused.headers());
            return;
        }
        LOG.error("REST request failed", failure);
        answer.problem(exchange.getMessage(), Problem.of(500, "internal-error", "The request could not be completed",
                "some of its IDs may have been sent already; sending the same request again is safe "
                + "(setting a status twice is harmless)"));
    }
}
