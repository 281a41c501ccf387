package com.expresschat.statussync.intake.rest;

import java.util.List;

import com.expresschat.statussync.model.InvalidRow;
import com.expresschat.statussync.model.Receipt;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An {@code application/problem+json} answer (RFC 9457): type, title, status and detail, plus for a rejected
 * input its name, the rows that made it invalid (line, value, reason; the first 100, as in its report) and how many
 * rows were invalid in all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String input, Long invalidRowCount,
                      List<InvalidRow> invalidRows) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Problem types are URNs: they name the kind of problem, documented in docs/rest.md, and need no server. */
    static final String TYPE_PREFIX = "urn:express-chat-status-sync:problem:";

    static Problem of(int status, String kind, String title, String detail) {
        return new Problem(TYPE_PREFIX + kind, title, status, detail, null, null, null);
    }

    /** A REJECTED input: nothing of it was sent. */
    static Problem rejected(Receipt receipt) {
        return new Problem(TYPE_PREFIX + "invalid-input", "The input is invalid: nothing was sent", 400,
                receipt.reason(), receipt.input(), receipt.counts().invalid(), receipt.invalidRows());
    }
}
