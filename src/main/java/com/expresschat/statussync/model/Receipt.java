package com.expresschat.statussync.model;

import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code <input>.receipt.json} of §5: what became of every row of one input. {@code replayedReport}: for a
 * dead-letter file moved back into the inbox, where its {@code .error.json} went when it left error/ (done/).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Receipt(
        String input,
        String source,
        String format,
        Outcome outcome,
        String reason,
        Counts counts,
        Collection<BatchRecord> batches,
        List<InvalidRow> invalidRows,
        List<String> deadLetterFiles,
        String archivedAs,
        String replayedReport,
        String startedAt,
        String finishedAt,
        long durationMs) {

    /**
     * What happened to the rows, by count; {@code refused}: dead-lettered IDs that express-chat refused on their own
     * (found by isolation), {@code isolationRequests}: the PUTs isolation cost.
     */
    public record Counts(
            long rows, long sent, long delivered, long deadLettered, long invalid, long duplicatesDropped, int batches,
            long refused, long isolationRequests) {
    }
}
