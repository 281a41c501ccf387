package com.expresschat.statussync.intake.rest;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Answers a REST request that failed: a {@link RestProblem} with its own problem+json; anything else with a
 * 500 problem that tells the client what it may do, without exception text (which may hold paths).
 */
public class ProblemAnswer {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAnswer.class);

    private final HttpAnswer answer;

    public ProblemAnswer(HttpAnswer answer) {
        this.answer = answer;
    }

    public Answer answerTo(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure)
            throws JsonProcessingException {
        if (failure instanceof RestProblem refused) {
            LOG.info("REST request refused: {}", refused.getMessage());
            return answer.problem(refused.problem(), refused.headers());
        }
        LOG.error("REST request failed", failure);
        return answer.problem(Problem.of(500, "internal-error", "The request could not be completed",
                "some of its IDs may have been sent already; sending the same request again is safe "
                + "(setting a status twice is harmless)"));
    }
}
