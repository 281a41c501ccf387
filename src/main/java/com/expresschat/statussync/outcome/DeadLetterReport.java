package com.expresschat.statussync.outcome;

import java.util.List;

/**
 * The {@code <dead-letter file>.error.json} beside a dead-letter file (§5): why its IDs were not
 * delivered. Failure details are those of the first batch that failed this way; the counts cover all.
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
        String firstFailureAt,
        String lastFailureAt,
        String replay) {
}
