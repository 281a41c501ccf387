package com.expresschat.statussync.outcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.model.Input;
import com.expresschat.statussync.model.InputRun;
import com.expresschat.statussync.model.Receipt;
import com.expresschat.statussync.model.Tally;

/**
 * One input being processed, as the outcome stage keeps it: its tally, the receipt's batch records, its
 * dead-letter files and its journal. Batch outcomes are recorded one at a time (by the split's aggregation strategy,
 * or a transport's outcome collector), so nothing here is synchronized. A claimed input's ledger first
 * {@link #resume resumes} from its journal: what an earlier run recorded counts again (tally, receipt lines,
 * dead letters) and those batches are not sent again ({@link #recorded}).
 */
public final class InputLedger implements InputRun {

    private static final Logger LOG = LoggerFactory.getLogger(InputLedger.class);

    private final Input input;
    private final Instant startedAt;
    private final Tally tally = new Tally();
    private final BatchRecords batches;
    private final DeadLetterFiles deadLetters;
    private final ProgressLog progress;
    private final InputJournal<BatchOutcome> journal;
    private final StorageCheck storage;

    /** Checks that the input's outcomes can still be written (storage.Folders#checkUsable), or throws. */
    @FunctionalInterface
    public interface StorageCheck {
        StorageCheck NONE = () -> {
        };

        void check() throws IOException;
    }

    /** A ledger with no journal (an input held in memory). */
    public InputLedger(Input input, Instant startedAt, BatchRecords batches, DeadLetterFiles deadLetters,
            ProgressLog progress) {
        this(input, startedAt, batches, deadLetters, progress, InputJournal.none());
    }

    public InputLedger(Input input, Instant startedAt, BatchRecords batches, DeadLetterFiles deadLetters,
            ProgressLog progress, InputJournal<BatchOutcome> journal) {
        this(input, startedAt, batches, deadLetters, progress, journal, StorageCheck.NONE);
    }

    /**
     * {@code storage} is checked at each flush of the journal: a folder that can no longer take the input's outcomes
     * (done/, error/, the claim folder) stops the input there, so that no more is sent than its journal holds, give or
     * take the batches in flight.
     */
    public InputLedger(Input input, Instant startedAt, BatchRecords batches, DeadLetterFiles deadLetters,
            ProgressLog progress, InputJournal<BatchOutcome> journal, StorageCheck storage) {
        this.storage = storage;
        this.input = input;
        this.startedAt = startedAt;
        this.batches = batches;
        this.deadLetters = deadLetters;
        this.progress = progress;
        this.journal = journal;
    }

    @Override
    public Input input() {
        return input;
    }

    @Override
    public Tally tally() {
        return tally;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /**
     * Records what became of a batch: its dead-lettered rows (all, or an isolated batch's refused parts) are appended to the dead-letter file of its
     * failure class first, so that a write that fails leaves the batch uncounted and fails the input. At each flush
     * of the journal, storage is checked: a fault fails the input too. The journal keeps it without the rows of what
     * was delivered (a replay needs their count; the IDs are still in the claimed input).
     */
    public void record(BatchOutcome outcome) throws IOException {
        restore(outcome);
        if (journal.append(outcome.withoutDeliveredRows())) {
            storage.check();
        }
        progress.batchDone(input.name(), tally, startedAt);
    }

    /**
     * Takes back what an earlier run of this input journaled (before anything is sent): its outcomes are counted,
     * listed and dead-lettered as if recorded now. Returns how many batches that was.
     */
    public int resume() throws IOException {
        try {
            return journal.replay(outcome -> {
                try {
                    restore(outcome);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Whether the journal holds batch {@code number} already: it is not sent again. */
    @Override
    public boolean recorded(int number) {
        return journal.recorded(number);
    }

    /** Writes the journal's tail out: the input is about to complete. */
    public void flushJournal() throws IOException {
        journal.flush();
    }

    /**
     * The input is finished: its journal is removed once the input has left its claim (archived). Should the claimed
     * file still be there (its move failed), the journal is kept: the next start puts the input back and it resumes
     * from the journal, sending nothing again.
     */
    public void finished() {
        Path claimed = input.snapshot();
        if (claimed != null && Files.exists(claimed, LinkOption.NOFOLLOW_LINKS)) {
            LOG.warn("Input {} is finished but still claimed as {}: its journal is kept for the next start",
                    input.name(), claimed);
            journal.close();
            return;
        }
        journal.delete();
    }

    private void restore(BatchOutcome outcome) throws IOException {
        deadLetters.add(outcome);
        tally.add(outcome);
        batches.add(outcome.record());
    }

    /** Publishes the dead-letter files under their final names; returns their paths. */
    public List<Path> publishDeadLetters() throws IOException {
        return deadLetters.publish();
    }

    /** Drops unpublished dead letters, when the input failed and stays in the inbox to be tried again. */
    public void abandon() {
        deadLetters.abandon();
    }

    /** Removes the spilled batch records once the receipt is written; closes the journal (kept unless finished). */
    public void discard() {
        batches.discard();
        journal.close();
    }

    public Receipt receipt(List<Path> deadLetterFiles, Path archivedAs, Instant finishedAt) {
        return receipt(deadLetterFiles, archivedAs, null, finishedAt);
    }

    public Receipt receipt(List<Path> deadLetterFiles, Path archivedAs, Path replayedReport, Instant finishedAt) {
        return new Receipt(
                input.name(),
                input.source(),
                input.format(),
                tally.outcome(),
                tally.rejectionReason(),
                tally.counts(),
                batches,
                tally.invalidRows(),
                deadLetterFiles.stream().map(Path::toString).toList(),
                archivedAs == null ? null : archivedAs.toString(),
                replayedReport == null ? null : replayedReport.toString(),
                startedAt.toString(),
                finishedAt.toString(),
                Duration.between(startedAt, finishedAt).toMillis());
    }
}
