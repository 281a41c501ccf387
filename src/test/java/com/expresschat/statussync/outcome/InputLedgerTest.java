package com.expresschat.statussync.outcome;

import static com.expresschat.statussync.support.Samples.deadLettered;
import static com.expresschat.statussync.support.Samples.delivered;
import static com.expresschat.statussync.support.Samples.isolated;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.model.BatchRecord;
import com.expresschat.statussync.model.InvalidRow;
import com.expresschat.statussync.model.Outcome;
import com.expresschat.statussync.model.Receipt;
import com.expresschat.statussync.model.Tally;
import com.expresschat.statussync.support.Samples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** InputLedger: the batch outcomes of one input, and its receipt (§5). */
class InputLedgerTest {

    private static final Instant FINISHED_AT = Samples.STARTED_AT.plusMillis(1_234);
    private static final Path ARCHIVE = Path.of("/data/done/users.txt");
    private static final Path DEAD_LETTERS = Path.of("/data/error/users.txt.transient.ndjson");

    @TempDir
    Path dir;

    @Test
    void accountsForEveryRowOfAPartlyDeliveredInput() throws Exception {
        InputLedger ledger = Samples.ledger("users.txt", dir);
        Tally tally = ledger.tally();
        readRows(tally, 7);
        tally.invalidRow(3, "nope", "not an ID");
        tally.duplicatesDropped(1);
        ledger.record(deadLettered(2, 2));
        ledger.record(delivered(1, 3));

        Receipt receipt = ledger.receipt(List.of(DEAD_LETTERS), ARCHIVE, FINISHED_AT);

        assertThat(receipt.input()).isEqualTo("users.txt");
        assertThat(receipt.source()).isEqualTo("file");
        assertThat(receipt.format()).isEqualTo("PLAIN_LIST");
        assertThat(receipt.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(receipt.reason()).isNull();
        assertThat(receipt.counts()).isEqualTo(new Receipt.Counts(7, 5, 3, 2, 1, 1, 2, 0, 0));
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
        InputLedger ledger = Samples.ledger("users.txt", dir);
        readRows(ledger.tally(), 2);
        ledger.tally().invalidRow(2, "nope", "not an ID");
        ledger.tally().reject("1 invalid row");

        Receipt receipt = ledger.receipt(List.of(), ARCHIVE, FINISHED_AT);

        assertThat(receipt.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(receipt.reason()).isEqualTo("1 invalid row");
        assertThat(receipt.counts()).isEqualTo(new Receipt.Counts(2, 0, 0, 0, 1, 0, 0, 0, 0));
    }

    @Test
    void listsBatchesInBatchOrderWhateverOrderTheyEndedIn() throws Exception {
        InputLedger ledger = Samples.ledger("users.txt", dir);
        ledger.record(delivered(3, 1));
        ledger.record(deadLettered(1, 1));
        ledger.record(delivered(2, 1));

        assertThat(ledger.receipt(List.of(), null, FINISHED_AT).batches()).extracting(BatchRecord::number)
                .containsExactly(1, 2, 3);
    }

    @Test
    void writesADeadLetteredBatchToTheDeadLetterFileOfItsClass() throws Exception {
        InputLedger ledger = Samples.ledger("users.txt", dir);
        ledger.record(deadLettered(1, 2));
        ledger.record(delivered(2, 1));

        assertThat(ledger.publishDeadLetters()).containsExactly(dir.resolve("error/users.txt.transient.ndjson")
                .toAbsolutePath());
        assertThat(dir.resolve("error/users.txt.transient.ndjson")).content().hasLineCount(2);
    }

    @Test
    void aResumedLedgerGivesTheSameReceiptAndDeadLettersFromAJournalThatHoldsNoDeliveredId() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path journalFile = dir.resolve("journal.ndjson");
        InputLedger first = Samples.ledger("users.txt", dir.resolve("first"), InputJournal.of(journalFile, json, 1));
        readRows(first.tally(), 110);
        first.record(delivered(1, 100));
        first.record(isolated(2));
        first.record(deadLettered(3, 6));
        first.flushJournal();
        first.discard();

        InputLedger resumed = Samples.ledger("users.txt", dir.resolve("resumed"),
                InputJournal.of(journalFile, json, 1));
        readRows(resumed.tally(), 110);
        assertThat(resumed.resume()).isEqualTo(3);

        assertThat(Files.readString(journalFile)).as("no delivered ID is written again")
                .doesNotContain(Samples.userId(7), Samples.userId(50), Samples.userId(100))
                .contains(Samples.userId(3), Samples.userId(4), Samples.userId(6));
        JsonNode resumedReceipt = json.valueToTree(resumed.receipt(List.of(), ARCHIVE, FINISHED_AT));
        JsonNode firstReceipt = json.valueToTree(first.receipt(List.of(), ARCHIVE, FINISHED_AT));
        assertThat(resumedReceipt).isEqualTo(firstReceipt);
        assertThat(resumed.publishDeadLetters()).hasSize(2);
        assertThat(first.publishDeadLetters()).hasSize(2);
        for (String deadLetters : List.of("users.txt.rejected.ndjson", "users.txt.transient.ndjson")) {
            assertThat(dir.resolve("resumed/error").resolve(deadLetters))
                    .hasSameTextualContentAs(dir.resolve("first/error").resolve(deadLetters));
        }
    }

    @Test
    void leavesOutWhatDoesNotApplyWhenWritten() throws Exception {
        InputLedger ledger = Samples.ledger("users.txt", dir);
        readRows(ledger.tally(), 1);
        ledger.record(delivered(1, 1));

        JsonNode written = new ObjectMapper().valueToTree(ledger.receipt(List.of(), null, FINISHED_AT));

        assertThat(written.has("reason")).isFalse();
        assertThat(written.has("archivedAs")).isFalse();
        assertThat(written.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(written.path("counts").path("delivered").asLong()).isEqualTo(1);
        assertThat(written.path("batches").get(0).path("requestId").asText()).isEqualTo("request-1");
    }

    private static void readRows(Tally tally, int count) {
        for (int i = 0; i < count; i++) {
            tally.rowRead();
        }
    }
}
