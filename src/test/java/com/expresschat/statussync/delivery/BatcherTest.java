package com.expresschat.statussync.delivery;

import static com.expresschat.statussync.support.Samples.DELETED;
import static com.expresschat.statussync.support.Samples.USER_ID;
import static com.expresschat.statussync.support.Samples.row;
import static com.expresschat.statussync.support.Samples.rows;
import static com.expresschat.statussync.support.Samples.userId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.Row;
import com.expresschat.statussync.model.Tally;
import com.expresschat.statussync.validation.RowValidator;

/** Batcher: batches of batch-size, one status per batch, no ID twice in a batch, invalid rows skipped (§3). */
class BatcherTest {

    private static final String ACTIVE = "ACTIVE";

    private final RowValidator validator = new RowValidator("[0-9a-f]{24}", List.of(DELETED, ACTIVE), DELETED);
    private final Tally tally = new Tally();

    @Test
    void groupsRowsIntoBatchesOfBatchSizeWithTheRemainderLast() throws IOException {
        List<Batch> batches = batchesOf(rows(7), 3);

        assertThat(batches).extracting(Batch::size).containsExactly(3, 3, 1);
        assertThat(idsOf(batches)).containsExactlyElementsOf(rows(7).stream().map(Row::id).toList());
        assertThat(batches).allSatisfy(batch -> {
            assertThat(batch.inputName()).isEqualTo("users.txt");
            assertThat(batch.status()).isEqualTo(DELETED);
        });
    }

    @Test
    void anInputOfExactlyTwoBatchesHasNoEmptyRemainder() throws IOException {
        assertThat(batchesOf(rows(4), 2)).extracting(Batch::size).containsExactly(2, 2);
    }

    @Test
    void rowsWithDifferentStatusesNeverShareABatch() throws IOException {
        List<Row> rows = List.of(
                withStatus(1, DELETED), withStatus(2, ACTIVE), withStatus(3, null),
                withStatus(4, ACTIVE), withStatus(5, DELETED));

        List<Batch> batches = batchesOf(rows, 2);

        // the DELETED batch fills first (rows 1 and 3, the latter by default status), then the ACTIVE one;
        // row 5 is left in an open batch until the end
        assertThat(batches).extracting(Batch::status).containsExactly(DELETED, ACTIVE, DELETED);
        assertThat(batches).extracting(BatcherTest::lines).containsExactly(
                List.of(1L, 3L), List.of(2L, 4L), List.of(5L));
    }

    @Test
    void dropsAnIdAlreadyInTheBatchIgnoringCaseAndCountsIt() throws IOException {
        List<Row> rows = List.of(
                Row.of(1, USER_ID, null, null),
                Row.of(2, USER_ID.toUpperCase(Locale.ROOT), null, null),
                row(3),
                Row.of(4, USER_ID, null, DELETED));

        List<Batch> batches = batchesOf(rows, 10);

        assertThat(batches).hasSize(1);
        assertThat(lines(batches.get(0))).containsExactly(1L, 3L);
        assertThat(tally.duplicatesDropped()).isEqualTo(2);
    }

    @Test
    void theSameIdInAnotherBatchIsNotADuplicate() throws IOException {
        List<Row> rows = List.of(row(1), row(2), row(1), withStatus(2, ACTIVE));

        List<Batch> batches = batchesOf(rows, 2);

        assertThat(batches).extracting(BatcherTest::idsOf).containsExactly(
                List.of(userId(1), userId(2)), List.of(userId(1)), List.of(userId(2)));
        assertThat(tally.duplicatesDropped()).isZero();
    }

    @Test
    void skipsRowsTheValidatorRefuses() throws IOException {
        List<Row> rows = List.of(
                row(1),
                Row.of(2, "not-an-id", null, null),
                Row.unparseable(3, "a,b,c", "3 columns"),
                Row.of(4, userId(4), "bad-subscriber", null),
                withStatus(5, "ARCHIVED"),
                row(6));

        List<Batch> batches = batchesOf(rows, 10);

        assertThat(batches).hasSize(1);
        assertThat(lines(batches.get(0))).containsExactly(1L, 6L);
        assertThat(tally.duplicatesDropped()).isZero();
    }

    @Test
    void numbersBatchesFromOneAndGivesEachItsOwnRequestId() throws IOException {
        List<Batch> batches = batchesOf(rows(250), 10);

        assertThat(batches).extracting(Batch::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 25).boxed().toList());
        assertThat(batches).extracting(Batch::requestId).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void readsNoFurtherThanTheBatchItHandsOut() {
        ListRowReader reader = new ListRowReader(rows(10));
        Batcher batcher = new Batcher(reader, validator, "users.txt", 3, tally);

        assertThat(batcher.next().size()).isEqualTo(3);
        assertThat(reader.rowsRead()).isEqualTo(3);
    }

    @Test
    void anInputWithoutValidRowsHasNoBatch() {
        Batcher batcher = new Batcher(new ListRowReader(List.of(Row.of(1, "nope", null, null))), validator, "users.txt", 3, tally);

        assertThat(batcher.hasNext()).isFalse();
        assertThatThrownBy(batcher::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void closingTheBatcherClosesTheRowReader() throws IOException {
        ListRowReader reader = new ListRowReader(rows(5));

        new Batcher(reader, validator, "users.txt", 2, tally).close();

        assertThat(reader.closed()).isTrue();
    }

    private List<Batch> batchesOf(List<Row> rows, int batchSize) throws IOException {
        List<Batch> batches = new ArrayList<>();
        try (Batcher batcher = new Batcher(new ListRowReader(rows), validator, "users.txt", batchSize, tally)) {
            batcher.forEachRemaining(batches::add);
        }
        return batches;
    }

    private static Row withStatus(int n, String status) {
        return Row.of(n, userId(n), null, status);
    }

    private static List<String> idsOf(Batch batch) {
        return batch.rows().stream().map(Row::id).toList();
    }

    private static List<String> idsOf(List<Batch> batches) {
        return batches.stream().flatMap(batch -> idsOf(batch).stream()).toList();
    }

    private static List<Long> lines(Batch batch) {
        return batch.rows().stream().map(Row::line).toList();
    }
}
