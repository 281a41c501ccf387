package com.expresschat.statussync.outcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.model.Input;
import com.expresschat.statussync.model.LogContext;
import com.expresschat.statussync.model.Tally;
import com.expresschat.statussync.storage.Claims;
import com.expresschat.statussync.storage.Folders;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Opens the ledger of an input as it enters process-input (which keeps it as its one input-run property). A claimed
 * input gets its journal beside the claimed file and resumes from it (what an earlier run recorded is not sent
 * again). Should processing fail (the input is then put back into the inbox and tried again), unpublished dead
 * letters are dropped so that the retry does not leave two copies, and the journal is kept for the retry; once the
 * input is finished and has left its claim its journal is removed. Spilled batch records are removed whatever the end.
 */
public class InputLedgers {

    private static final Logger LOG = LoggerFactory.getLogger(InputLedgers.class);

    private final Folders folders;
    private final ObjectMapper json;
    private final Clock clock;
    private final int progressEveryBatches;
    private final Duration progressEvery;
    private final int journalFlushEvery;
    private final Executor journalForces;

    public InputLedgers(Folders folders, ObjectMapper json, Clock clock, int progressEveryBatches,
            Duration progressEvery) {
        this(folders, json, clock, progressEveryBatches, progressEvery, 1, null);
    }

    /**
     * {@code journalFlushEvery}: statussync.journal.flush-every-batches; {@code journalForces}: where a claimed
     * input's journal is forced to disk between flushes ({@code null}: on the thread that flushes).
     */
    public InputLedgers(Folders folders, ObjectMapper json, Clock clock, int progressEveryBatches,
            Duration progressEvery, int journalFlushEvery, Executor journalForces) {
        this.folders = folders;
        this.json = json;
        this.clock = clock;
        this.progressEveryBatches = progressEveryBatches;
        this.progressEvery = progressEvery;
        this.journalFlushEvery = journalFlushEvery;
        this.journalForces = journalForces;
    }

    /** The exchange is only used to tie the ledger's clean-up to the end of the input's exchange. */
    public InputLedger open(Input input, Exchange exchange) {
        InputLedger ledger;
        try {
            ledger = open(input, clock.instant(), folders::checkUsable);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal of " + input.name() + ": " + e.getMessage(), e);
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onFailure(Exchange failed) {
                ledger.abandon();
                // a write to done/, error/ or the journal failed: inputs are held for the storage retry interval
                folders.faults().recordIfStorage(failed.getException(), folders.writeFolders());
                super.onFailure(failed);
            }

            @Override
            public void onDone(Exchange done) {
                ledger.discard();
            }
        });
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange completed) {
                ledger.finished();
            }

            // after the file consumer's own completion (order 0), which moves the input out of its claim: a crash
            // between the two then leaves a journal without its input (removed at the next start), never a claimed
            // input without its journal (sent again from its first line)
            @Override
            public int getOrder() {
                return LOWEST;
            }
        });
        return ledger;
    }

    InputLedger open(Input input) throws IOException {
        return open(input, clock.instant());
    }

    /**
     * The ledger of an input that was taken at {@code startedAt}: here, or elsewhere (statussync.transport=kafka: its
     * outcomes are collected here, and the caller discards or abandons it). A claimed input's journal is resumed.
     */
    public InputLedger open(Input input, Instant startedAt) throws IOException {
        return open(input, startedAt, InputLedger.StorageCheck.NONE);
    }

    /** {@code storage}: checked at each journal flush of an input delivered here (see InputLedger). */
    private InputLedger open(Input input, Instant startedAt, InputLedger.StorageCheck storage) throws IOException {
        LogContext.input(input.name());
        // an archived input's batch records may spill into done/, where its receipt goes; a REST input's stay in
        // memory (its size is bounded by the body limit)
        BatchRecords batches = input.archived()
                ? new BatchRecords(folders.done(), json, BatchRecords.RUN_SIZE)
                : new BatchRecords();
        Path snapshot = input.snapshot();
        String identity = snapshot == null || !Files.exists(snapshot, LinkOption.NOFOLLOW_LINKS) ? null
                : Claims.identityOf(snapshot);
        InputJournal<BatchOutcome> journal = identity == null ? InputJournal.none()
                : InputJournal.of(Claims.journalBeside(snapshot, identity), json, journalFlushEvery, journalForces);
        InputLedger ledger = new InputLedger(input, startedAt, batches,
                new DeadLetterFiles(folders, input.name(), json, identity),
                new ProgressLog(progressEveryBatches, progressEvery, clock), journal, storage);
        int resumed = ledger.resume();
        if (resumed > 0) {
            Tally tally = ledger.tally();
            LOG.info("Input {} resumes: {} batches recorded by an earlier run ({} IDs delivered, {} dead-lettered) "
                     + "are not sent again", input.name(), resumed, tally.delivered(), tally.deadLettered());
        }
        return ledger;
    }
}
