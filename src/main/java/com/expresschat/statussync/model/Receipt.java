package com.expresschat.statussync.model;

import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The {@code <input>.receipt.json} of §5: what became of every row of one input. */
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
        String startedAt,
        String finishedAt,
        long durationMs) {

    /** What happened to the rows, by count. */
    public record Counts(
            long rows, long sent, long delivered, long deadLettered, long invalid, long duplicatesDropped, int batches) {
    }
}
