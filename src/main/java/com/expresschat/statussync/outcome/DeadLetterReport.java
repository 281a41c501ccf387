package com.expresschat.statussync.outcome;

import java.util.List;

import com.expresschat.statussync.model.IsolationRecord;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code <dead-letter file>.error.json} beside a dead-letter file (§5): why its IDs were not
 * delivered. Failure details are those of the first batch (or part of a batch) that failed this way; the counts
 * cover all. When isolation found IDs that express-chat refuses on their own, {@code refused} lists each with
 * express-chat's answer to its single-ID PUT, and {@code notIsolated} counts the IDs of isolated batches that
 * were dead-lettered in a part of several IDs (the budget ran out, or isolation stopped). {@code claim} is the
 * identity of the claimed input the IDs come from: a retry or restart of that input replaces the file, never adds
 * another.
 */
public record DeadLetterReport(
        String input,
        String deadLetterFile,
        String failureClass,
        Integer httpStatus,
        String response,
        String exception,
        int attempts,
        int batches,
        long ids,
        List<String> requestIds,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long refusedAlone,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<IsolationRecord.RefusedId> refused,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long notIsolated,
        String firstFailureAt,
        String lastFailureAt,
        String replay,
        @JsonInclude(JsonInclude.Include.NON_NULL) String claim) {
}
