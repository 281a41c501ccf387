package com.expresschat.statussync.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One PUT's worth of rows of one input, all with the same status and no ID twice (§3): a self-contained message,
 * everything delivery needs and nothing held open, so that it can be serialized (Jackson) and cross a broker.
 *
 * @param inputName the input the rows come from (its id)
 * @param number    1-based number of the batch within its input
 * @param status    the status all rows of the batch get
 * @param rows      the rows, in input order, with their subscriber IDs
 * @param requestId the X-Request-Id sent with the batch, recorded in the receipt
 * @param size      how many IDs it holds: its rows, or in a {@link #summary} (rows dropped) the count alone
 */
public record Batch(String inputName, int number, String status,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Row> rows, String requestId, int size) {

    public Batch {
        rows = rows == null ? List.of() : List.copyOf(rows);
        if (!rows.isEmpty() && size != rows.size()) {
            if (size != 0) {
                throw new IllegalArgumentException("batch " + number + " of " + inputName + " holds " + rows.size()
                                                   + " rows, not " + size);
            }
            size = rows.size(); // an entry written before size was recorded
        }
        if (size < 1) {
            throw new IllegalArgumentException("batch " + number + " of " + inputName + " holds no ID");
        }
    }

    public Batch(String inputName, int number, String status, List<Row> rows, String requestId) {
        this(inputName, number, status, rows, requestId, rows.size());
    }

    /**
     * This batch without its rows: what a receipt and a tally need of a batch whose IDs were all delivered (they are
     * still in the input), so that journals and outcome records do not carry each ID once more.
     */
    public Batch summary() {
        return rows.isEmpty() ? this : new Batch(inputName, number, status, List.of(), requestId, size);
    }

    /** Whether this is a {@link #summary}: it cannot be sent. */
    @JsonIgnore
    public boolean isSummary() {
        return rows.isEmpty();
    }

    /** The body of the PUT. */
    public StatusUpdate toStatusUpdate() {
        requireRows();
        List<String> ids = rows.stream().map(Row::id).toList();
        List<String> subscriberIds = rows.stream().map(Row::subscriberId).filter(Objects::nonNull).toList();
        return new StatusUpdate(ids, status, subscriberIds);
    }

    /**
     * The two halves of a batch of several IDs (the first one holds the odd ID), each a batch of its own with its
     * own request id: this batch's, then ".1" or ".2", so that a receipt shows where a part came from.
     */
    public List<Batch> halves() {
        requireRows();
        if (rows.size() < 2) {
            throw new IllegalStateException("a batch of " + rows.size() + " ID cannot be halved");
        }
        int first = (rows.size() + 1) / 2;
        return List.of(
                new Batch(inputName, number, status, rows.subList(0, first), requestId + ".1"),
                new Batch(inputName, number, status, rows.subList(first, rows.size()), requestId + ".2"));
    }

    private void requireRows() {
        if (isSummary()) {
            throw new IllegalStateException("batch " + number + " of " + inputName
                                            + " is a summary of a delivered batch: its rows are not kept");
        }
    }
}
