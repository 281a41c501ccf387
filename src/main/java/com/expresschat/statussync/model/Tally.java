package com.expresschat.statussync.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The counts of one input (§5): rows read, invalid rows (the first {@value #MAX_LISTED_INVALID_ROWS} named),
 * duplicates dropped, and what became of each ID. Not thread-safe on purpose: it is written by one step at a time
 * (validation, then the split's aggregation strategy, which Camel runs one outcome at a time).
 */
public final class Tally {

    /** How many invalid rows a report names; the count covers all of them. */
    public static final int MAX_LISTED_INVALID_ROWS = 100;

    private long rows;
    private long invalid;
    private long duplicatesDropped;
    private long delivered;
    private long deadLettered;
    private long sent;
    private long wouldSend;
    private int batches;
    private long refused;
    private long isolationRequests;
    private final List<InvalidRow> invalidRows = new ArrayList<>();
    private String rejectionReason;

    public void rowRead() {
        rows++;
    }

    public void invalidRow(long line, String value, String reason) {
        invalid++;
        if (invalidRows.size() < MAX_LISTED_INVALID_ROWS) {
            invalidRows.add(new InvalidRow(line, value, reason));
        }
    }

    public void reject(String reason) {
        this.rejectionReason = reason;
    }

    public void duplicatesDropped(long count) {
        duplicatesDropped += count;
    }

    /** Counts a batch's outcome; the IDs of an isolated batch by what became of each of its parts. */
    public void add(BatchOutcome outcome) {
        batches++;
        for (BatchOutcome end : outcome.ends()) {
            int ids = end.batch().size();
            switch (end.result()) {
                case DELIVERED -> delivered += ids;
                case DEAD_LETTERED -> deadLettered += ids;
                case DRY_RUN -> wouldSend += ids;
                case ISOLATED -> throw new IllegalStateException("a part of an isolated batch is isolated again");
            }
        }
        if (outcome.attempts() > 0) {
            sent += outcome.batch().size();
        }
        if (outcome.isolation() != null) {
            isolationRequests += outcome.isolation().requests();
            refused += outcome.isolation().refusedAlone().size();
        }
    }

    public Outcome outcome() {
        if (rejectionReason != null) {
            return Outcome.REJECTED;
        }
        if (wouldSend > 0) {
            return Outcome.DRY_RUN;
        }
        if (deadLettered == 0) {
            return Outcome.DELIVERED;
        }
        return delivered == 0 ? Outcome.FAILED : Outcome.PARTIAL;
    }

    public long rows() {
        return rows;
    }

    public long invalid() {
        return invalid;
    }

    public long valid() {
        return rows - invalid;
    }

    public long duplicatesDropped() {
        return duplicatesDropped;
    }

    public long delivered() {
        return delivered;
    }

    public long deadLettered() {
        return deadLettered;
    }

    /** IDs that reached express-chat at least once (not those held back while intake was paused). */
    public long sent() {
        return sent;
    }

    public int batches() {
        return batches;
    }

    /** IDs that express-chat refused on their own (found by isolation), each dead-lettered with its answer. */
    public long refused() {
        return refused;
    }

    /** PUTs made to isolate refused IDs in REJECTED batches. */
    public long isolationRequests() {
        return isolationRequests;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public boolean rejected() {
        return rejectionReason != null;
    }

    public List<InvalidRow> invalidRows() {
        return List.copyOf(invalidRows);
    }

    /**
     * What the intake side knows of an input before any batch has an outcome: its rows, invalid rows (the listed
     * ones) and duplicates dropped; carried to wherever the outcomes are collected (statussync.transport=kafka).
     */
    public record IntakeCounts(long rows, long invalid, long duplicatesDropped, List<InvalidRow> invalidRows) {

        public IntakeCounts {
            invalidRows = List.copyOf(invalidRows);
        }
    }

    public IntakeCounts intakeCounts() {
        return new IntakeCounts(rows, invalid, duplicatesDropped, invalidRows);
    }

    /** Adds the intake side's counts of an input, as collected elsewhere; before any outcome is added. */
    public void addIntake(IntakeCounts counts) {
        rows += counts.rows();
        invalid += counts.invalid();
        duplicatesDropped += counts.duplicatesDropped();
        counts.invalidRows().stream().limit(MAX_LISTED_INVALID_ROWS - (long) invalidRows.size())
                .forEach(invalidRows::add);
    }

    /** The receipt's counts. */
    public Receipt.Counts counts() {
        return new Receipt.Counts(rows, sent, delivered, deadLettered, invalid, duplicatesDropped, batches, refused,
                isolationRequests);
    }
}
