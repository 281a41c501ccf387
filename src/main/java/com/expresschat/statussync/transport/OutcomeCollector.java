package com.expresschat.statussync.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.model.Input;
import com.expresschat.statussync.outcome.InputCompletion;
import com.expresschat.statussync.outcome.InputJournal;
import com.expresschat.statussync.outcome.InputLedger;
import com.expresschat.statussync.outcome.InputLedgers;
import com.expresschat.statussync.storage.Folders;

/**
 * The outcome collector of statussync.transport=kafka (kafka-outcome-collector): journals each {@link InputEvent} of
 * the outcomes topic ({@link CollectorJournals}: the outcome stage's own InputJournal, written out per event and
 * {@link #force forced} to disk once per poll, before the poll's offsets are committed), and once an input's closing
 * record and an outcome for each of its batches are in, folds them
 * into the input's ledger (tally, receipt records, dead-letter files) and completes it with the outcome stage's own
 * {@link InputCompletion}, as the single-process path does. A batch delivered twice (a worker died before its commit)
 * counts once: the first outcome journalled for a batch number is the one recorded.
 */
public class OutcomeCollector {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeCollector.class);

    /** What this collector knows of an input it collects: enough to tell when it is complete. */
    private static final class Progress {
        final InputJournal<InputEvent> journal;
        final Set<Integer> batches = new HashSet<>();
        InputClosed closed;
        long journalLength;

        Progress(InputJournal<InputEvent> journal) {
            this.journal = journal;
        }

        void add(InputEvent event) {
            if (event.isClosing()) {
                closed = event.closed();
            } else {
                batches.add(event.outcome().batch().number());
            }
        }

        boolean complete() {
            return closed != null && batches.size() >= closed.batches();
        }
    }

    private final CollectorJournals journals;
    private final InputLedgers ledgers;
    private final InputCompletion completion;
    private final Folders folders;
    private final TransportMetrics metrics;
    private final Map<String, Progress> open = new ConcurrentHashMap<>();
    /** The journals written to since the last {@link #force} (one collector thread: no locking). */
    private final Set<InputJournal<InputEvent>> unforced = new LinkedHashSet<>();

    public OutcomeCollector(CollectorJournals journals, InputLedgers ledgers, InputCompletion completion,
            Folders folders, TransportMetrics metrics) {
        this.journals = journals;
        this.ledgers = ledgers;
        this.completion = completion;
        this.folders = folders;
        this.metrics = metrics;
    }

    public void collect(@Body InputEvent event) throws IOException {
        String inputId = event.inputId();
        if (journals.completed(inputId)) {
            LOG.debug("Input run {} is complete already: a late duplicate is dropped", inputId);
            open.remove(inputId);
            return;
        }
        Progress progress = progressOf(inputId);
        // written out now (a replay and another instance see it), forced to disk with the poll's others
        progress.journal.append(event);
        progress.journal.writeOut();
        unforced.add(progress.journal);
        progress.journalLength = journals.length(inputId);
        progress.add(event);
        if (!event.isClosing()) {
            metrics.collected();
        }
        if (progress.complete()) {
            // its receipt is what lasts: the journal is removed once it is written
            progress.journal.close();
            unforced.remove(progress.journal);
            complete(inputId, progress.closed);
            open.remove(inputId);
        }
    }

    /**
     * Forces to disk what the poll journalled, once per journal, and closes the journals (no file stays open for an
     * input another instance may take over at the next poll): only then may the poll's offsets be committed.
     */
    public void force() throws IOException {
        for (Iterator<InputJournal<InputEvent>> journal = unforced.iterator(); journal.hasNext(); ) {
            InputJournal<InputEvent> next = journal.next();
            next.flush();
            next.close();
            journal.remove();
        }
    }

    /** The input's progress, read again from its journal whenever another instance has written to it meanwhile. */
    private Progress progressOf(String inputId) throws IOException {
        Progress known = open.get(inputId);
        if (known != null && known.journalLength == journals.length(inputId)) {
            return known;
        }
        Progress progress = new Progress(journals.open(inputId));
        progress.journal.replay(progress::add);
        progress.journalLength = journals.length(inputId);
        open.put(inputId, progress);
        return progress;
    }

    private void complete(String inputId, InputClosed closed) throws IOException {
        Path archive = folders.done().resolve(closed.archivedAs());
        if (Files.exists(Folders.besides(archive, Folders.RECEIPT_SUFFIX))) {
            // completed before a crash that came before the journal was marked
            journals.complete(inputId);
            return;
        }
        Input input = new Input(closed.name(), closed.source(), true, closed.format(), null, null);
        InputLedger ledger = ledgers.open(input, Instant.parse(closed.startedAt()));
        try {
            ledger.tally().addIntake(closed.counts());
            // the journal keeps the first outcome of each batch
            journals.open(inputId).replay(event -> {
                if (!event.isClosing()) {
                    record(ledger, event);
                }
            });
            completion.completeAs(ledger, archive);
        } catch (IOException | RuntimeException e) {
            ledger.abandon();
            throw e;
        } finally {
            ledger.discard();
        }
        journals.complete(inputId);
    }

    private static void record(InputLedger ledger, InputEvent event) {
        try {
            ledger.record(event.outcome());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record batch " + event.outcome().batch().number() + " of "
                                           + ledger.input().name() + ": " + e.getMessage(), e);
        }
    }
}
