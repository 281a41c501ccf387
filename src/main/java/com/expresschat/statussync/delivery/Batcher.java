package com.expresschat.statussync.delivery;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntPredicate;

import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.InputRejectedException;
import com.expresschat.statussync.model.Row;
import com.expresschat.statussync.model.RowReader;
import com.expresschat.statussync.model.Tally;
import com.expresschat.statussync.validation.RowValidator;

/**
 * Groups the valid rows of an input into batches as it reads them (§3): one open batch per status,
 * so memory holds at most one batch per allowed status whatever the size of the input. An ID that is
 * already in the open batch is dropped and counted (IDs compare case-insensitively).
 */
public class Batcher implements Iterator<Batch>, Closeable {

    private final RowReader rows;
    private final RowValidator validator;
    private final Tally tally;
    private final String inputName;
    private final int batchSize;
    private final Map<String, OpenBatch> open = new LinkedHashMap<>();
    private final Queue<Batch> ready = new ArrayDeque<>();
    private final IntPredicate recorded;
    private int batchCount;
    private long duplicatesDropped;
    private boolean drained;
    private boolean closed;

    /** {@code tally} learns how many duplicates were dropped when the splitter closes this iterator. */
    public Batcher(RowReader rows, RowValidator validator, String inputName, int batchSize, Tally tally) {
        this(rows, validator, inputName, batchSize, tally, number -> false);
    }

    /**
     * {@code recorded}: numbers of batches whose outcome is recorded already (a resumed input): they are formed and
     * numbered as ever, so that the numbering of the same bytes is the same, but not handed out.
     */
    public Batcher(RowReader rows, RowValidator validator, String inputName, int batchSize, Tally tally,
            IntPredicate recorded) {
        this.recorded = recorded;
        this.rows = rows;
        this.validator = validator;
        this.tally = tally;
        this.inputName = inputName;
        this.batchSize = batchSize;
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !drained) {
            readRow();
        }
        return !ready.isEmpty();
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.remove();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            // counted here rather than per batch: the tally is written by one step at a time, and while batches
            // are read ahead the split's aggregation writes it
            tally.duplicatesDropped(duplicatesDropped);
        }
        rows.close();
    }

    private void readRow() {
        Row row = nextRow();
        if (row == null) {
            drained = true;
            open.values().forEach(this::seal);
            open.clear();
            return;
        }
        if (validator.problemOf(row) != null) {
            return; // reported by validation; only reaches here with on-invalid=skip
        }
        String status = validator.statusOf(row);
        OpenBatch batch = open.computeIfAbsent(status, key -> new OpenBatch(key, batchSize));
        if (!batch.seenIds.add(row.id().toLowerCase(Locale.ROOT))) {
            duplicatesDropped++;
            return;
        }
        batch.rows.add(row);
        if (batch.rows.size() == batchSize) {
            seal(batch);
            open.remove(status);
        }
    }

    private Row nextRow() {
        try {
            return rows.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InputRejectedException e) {
            // validation read the same input without this problem: the input changed under us
            throw new IllegalStateException("input " + inputName + " changed while it was processed: " + e.getMessage(), e);
        }
    }

    private void seal(OpenBatch batch) {
        int number = ++batchCount;
        if (!recorded.test(number)) {
            ready.add(new Batch(inputName, number, batch.status, List.copyOf(batch.rows),
                    UUID.randomUUID().toString()));
        }
    }

    private static final class OpenBatch {
        final String status;
        final List<Row> rows;
        final Set<String> seenIds;

        OpenBatch(String status, int batchSize) {
            this.status = status;
            this.rows = new ArrayList<>(batchSize);
            // sized for a full batch, so that it never grows while the batch fills
            this.seenIds = new HashSet<>(batchSize * 4 / 3 + 1);
        }
    }
}
