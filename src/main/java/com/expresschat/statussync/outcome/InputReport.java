package com.expresschat.statussync.outcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.expresschat.statussync.intake.Input;

/**
 * The accounting of one input while it is processed: rows read, invalid rows, batches and what became
 * of each ID. Batches of one input are delivered concurrently, so every update is thread-safe.
 */
public class InputReport {

    /** How many invalid rows a report names; the count covers all of them. */
    public static final int MAX_LISTED_INVALID_ROWS = 100;

    private final String inputName;
    private final String source;
    private final String format;
    private final Instant startedAt;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();
    private final AtomicLong duplicatesDropped = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong wouldSend = new AtomicLong();
    private final List<InvalidRow> invalidRows = new ArrayList<>();
    private final BatchRecords batches;
    private volatile String rejectionReason;
    private final ProgressLog progress;

    /** {@code batches} may spill to disk for a long input (see BatchRecords). */
    public InputReport(Input input, Instant startedAt, ProgressLog progress, BatchRecords batches) {
        this.progress = progress;
        this.batches = batches;
        this.inputName = input.name();
        this.source = input.source();
        this.format = input.format() == null ? null : input.format().name();
        this.startedAt = startedAt;
    }

    public void rowRead() {
        rows.incrementAndGet();
    }

    public synchronized void invalidRow(long line, String value, String reason) {
        invalid.incrementAndGet();
        if (invalidRows.size() < MAX_LISTED_INVALID_ROWS) {
            invalidRows.add(new InvalidRow(line, value, reason));
        }
    }

    public void reject(String reason) {
        this.rejectionReason = reason;
    }

    public void duplicateDropped() {
        duplicatesDropped.incrementAndGet();
    }

    public void batchDone(BatchRecord batch) {
        batches.add(batch);
        if (batch.dryRun()) {
            wouldSend.addAndGet(batch.ids());
        } else {
            (batch.delivered() ? delivered : deadLettered).addAndGet(batch.ids());
        }
        if (batch.attempts() > 0) {
            sent.addAndGet(batch.ids());
        }
        progress.batchDone(this);
    }

    public Outcome outcome() {
        if (rejectionReason != null) {
            return Outcome.REJECTED;
        }
        if (wouldSend.get() > 0) {
            return Outcome.DRY_RUN;
        }
        if (deadLettered.get() == 0) {
            return Outcome.DELIVERED;
        }
        return delivered.get() == 0 ? Outcome.FAILED : Outcome.PARTIAL;
    }

    public String inputName() {
        return inputName;
    }

    public String source() {
        return source;
    }

    public String format() {
        return format;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long rows() {
        return rows.get();
    }

    public long invalid() {
        return invalid.get();
    }

    public long valid() {
        return rows.get() - invalid.get();
    }

    public long duplicatesDropped() {
        return duplicatesDropped.get();
    }

    public long delivered() {
        return delivered.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    /** IDs that reached express-chat at least once (not those held back while intake was paused). */
    public long sent() {
        return sent.get();
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public boolean rejected() {
        return rejectionReason != null;
    }

    public synchronized List<InvalidRow> invalidRows() {
        return List.copyOf(invalidRows);
    }

    /** The batches done so far, in batch order (read from disk for a long input). */
    public BatchRecords batches() {
        return batches;
    }
}
