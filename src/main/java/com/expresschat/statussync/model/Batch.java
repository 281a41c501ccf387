package com.expresschat.statussync.model;

import java.util.List;
import java.util.Objects;

/**
 * One PUT's worth of rows of one input, all with the same status and no ID twice (§3): a self-contained message,
 * everything delivery needs and nothing held open, so that it can be serialized (Jackson) and cross a broker.
 *
 * @param inputName the input the rows come from (its id)
 * @param number    1-based number of the batch within its input
 * @param status    the status all rows of the batch get
 * @param rows      the rows, in input order, with their subscriber IDs
 * @param requestId the X-Request-Id sent with the batch, recorded in the receipt
 */
public record Batch(String inputName, int number, String status, List<Row> rows, String requestId) {

    public Batch {
        rows = List.copyOf(rows);
    }

    /** The body of the PUT. */
    public StatusUpdate toStatusUpdate() {
        List<String> ids = rows.stream().map(Row::id).toList();
        List<String> subscriberIds = rows.stream().map(Row::subscriberId).filter(Objects::nonNull).toList();
        return new StatusUpdate(ids, status, subscriberIds);
    }

    public int size() {
        return rows.size();
    }

    /**
     * The two halves of a batch of several IDs (the first one holds the odd ID), each a batch of its own with its
     * own request id: this batch's, then ".1" or ".2", so that a receipt shows where a part came from.
     */
    public List<Batch> halves() {
        if (rows.size() < 2) {
            throw new IllegalStateException("a batch of " + rows.size() + " ID cannot be halved");
        }
        int first = (rows.size() + 1) / 2;
        return List.of(
                new Batch(inputName, number, status, rows.subList(0, first), requestId + ".1"),
                new Batch(inputName, number, status, rows.subList(first, rows.size()), requestId + ".2"));
    }
}
