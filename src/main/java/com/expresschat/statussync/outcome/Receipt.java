package com.expresschat.statussync.outcome;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

    public static Receipt of(InputReport report, List<Path> deadLetterFiles, Path archivedAs, Instant finishedAt) {
        BatchRecords batches = report.batches();
        return new Receipt(
                report.inputName(),
                report.source(),
                report.format(),
                report.outcome(),
                report.rejectionReason(),
                new Counts(report.rows(), report.sent(), report.delivered(), report.deadLettered(), report.invalid(),
                        report.duplicatesDropped(), batches.size()),
                batches,
                report.invalidRows(),
                deadLetterFiles.stream().map(Path::toString).toList(),
                archivedAs == null ? null : archivedAs.toString(),
                report.startedAt().toString(),
                finishedAt.toString(),
                Duration.between(report.startedAt(), finishedAt).toMillis());
    }
}
