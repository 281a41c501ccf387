package com.expresschat.statussync.outcome;

import static com.expresschat.statussync.outcome.SampleBatches.deadLettered;
import static com.expresschat.statussync.outcome.SampleBatches.delivered;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.Samples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Receipt.of (§5): the receipt of an input, from its report. */
class ReceiptTest {

    private static final Instant FINISHED_AT = Samples.STARTED_AT.plusMillis(1_234);
    private static final Path ARCHIVE = Path.of("/data/done/users.txt");
    private static final Path DEAD_LETTERS = Path.of("/data/error/users.txt.transient.ndjson");

    private final InputReport report = Samples.report("users.txt");

    @Test
    void accountsForEveryRowOfAPartlyDeliveredInput() {
        readRows(7);
        report.invalidRow(3, "nope", "not an ID");
        report.duplicateDropped();
        report.batchDone(deadLettered(2, 2));
        report.batchDone(delivered(1, 3));

        Receipt receipt = Receipt.of(report, List.of(DEAD_LETTERS), ARCHIVE, FINISHED_AT);

        assertThat(receipt.input()).isEqualTo("users.txt");
        assertThat(receipt.source()).isEqualTo("file");
        assertThat(receipt.format()).isEqualTo("PLAIN_LIST");
        assertThat(receipt.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(receipt.reason()).isNull();
        assertThat(receipt.counts()).isEqualTo(new Receipt.Counts(7, 5, 3, 2, 1, 1, 2));
        assertThat(receipt.batches()).extracting(BatchRecord::number).containsExactly(1, 2);
        assertThat(receipt.invalidRows()).containsExactly(new InvalidRow(3, "nope", "not an ID"));
        assertThat(receipt.deadLetterFiles()).containsExactly(DEAD_LETTERS.toString());
        assertThat(receipt.archivedAs()).isEqualTo(ARCHIVE.toString());
        assertThat(receipt.startedAt()).isEqualTo("2025-03-01T09:00:00Z");
        assertThat(receipt.finishedAt()).isEqualTo("2025-03-01T09:00:01.234Z");
        assertThat(receipt.durationMs()).isEqualTo(1_234);
    }

    @Test
    void aRejectedInputsReceiptGivesTheReason() {
        readRows(2);
        report.invalidRow(2, "nope", "not an ID");
        report.reject("1 invalid row");

        Receipt receipt = Receipt.of(report, List.of(), ARCHIVE, FINISHED_AT);

        assertThat(receipt.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(receipt.reason()).isEqualTo("1 invalid row");
        assertThat(receipt.counts()).isEqualTo(new Receipt.Counts(2, 0, 0, 0, 1, 0, 0));
    }

    @Test
    void leavesOutWhatDoesNotApplyWhenWritten() throws Exception {
        readRows(1);
        report.batchDone(delivered(1, 1));

        JsonNode written = new ObjectMapper().valueToTree(Receipt.of(report, List.of(), null, FINISHED_AT));

        assertThat(written.has("reason")).isFalse();
        assertThat(written.has("archivedAs")).isFalse();
        assertThat(written.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(written.path("counts").path("delivered").asLong()).isEqualTo(1);
        assertThat(written.path("batches").get(0).path("requestId").asText()).isEqualTo("request-1");
    }

    private void readRows(int count) {
        for (int i = 0; i < count; i++) {
            report.rowRead();
        }
    }
}
