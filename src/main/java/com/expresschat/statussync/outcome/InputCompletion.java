package com.expresschat.statussync.outcome;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.model.ExchangeKeys;
import com.expresschat.statussync.model.Input;
import com.expresschat.statussync.model.LogContext;
import com.expresschat.statussync.model.Outcome;
import com.expresschat.statussync.model.Receipt;
import com.expresschat.statussync.storage.AtomicFiles;
import com.expresschat.statussync.storage.Folders;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Ends an input (§5): publishes its dead-letter files, writes its receipt (and for a rejected input its error
 * report) where an archived input will be moved, and logs one line with the outcome and counts. The receipt is
 * the answer (the message body); for an archived input it names where the file goes ({@link Receipt#archivedAs}):
 * done/ unless it was REJECTED, then error/ unchanged, so error/ holds exactly what needs an operator (which is also
 * why a replayed dead-letter file's report leaves error/ with it: {@link ReplayedReports}).
 */
public class InputCompletion {

    private static final Logger LOG = LoggerFactory.getLogger(InputCompletion.class);

    private final Folders folders;
    private final ObjectMapper json;
    private final Clock clock;
    private final Consumer<Receipt> onFinished;
    private final ReplayedReports replayedReports;

    /** {@code onFinished} learns of every finished input (metrics). */
    public InputCompletion(Folders folders, ObjectMapper json, Clock clock, Consumer<Receipt> onFinished) {
        this.folders = folders;
        this.json = json;
        this.clock = clock;
        this.onFinished = onFinished;
        this.replayedReports = new ReplayedReports(folders, json);
    }

    /** Ends an input whose batches have all been delivered or dead-lettered. */
    public Receipt complete(@ExchangeProperty(ExchangeKeys.INPUT_RUN) InputLedger ledger) throws IOException {
        // the whole journal is out before the receipt: a crash from here on re-sends nothing of the input
        ledger.flushJournal();
        return finish(ledger, folders.done(), ledger.publishDeadLetters());
    }

    /**
     * Ends an input whose batches have all been delivered or dead-lettered, archived as {@code archive} by its
     * intake before its outcomes were in (statussync.transport=kafka: the file left the inbox once its batches were
     * published).
     */
    public Receipt completeAs(InputLedger ledger, Path archive) throws IOException {
        return finishAs(ledger, archive, ledger.publishDeadLetters());
    }

    /** Ends an input that was rejected: nothing of it was sent. */
    public Receipt reject(@ExchangeProperty(ExchangeKeys.INPUT_RUN) InputLedger ledger) throws IOException {
        return finish(ledger, folders.error(), List.of());
    }

    /**
     * Ends an inbox entry that was never taken as an input (see intake.UnusableEntries): it lies in error/ as
     * {@code rejected} already, with the input's refusal as the reason; its receipt and error report go beside it.
     */
    public Receipt rejectUnread(Input input, Path rejected) throws IOException {
        LogContext.input(input.name());
        InputLedger ledger = new InputLedger(input, clock.instant(), new BatchRecords(),
                new DeadLetterFiles(folders, input.name(), json), new ProgressLog(Integer.MAX_VALUE, Duration.ofDays(1), clock));
        ledger.tally().reject(input.refusal());
        return finishAs(ledger, rejected, List.of());
    }

    private Receipt finish(InputLedger ledger, Path archiveDir, List<Path> deadLetterFiles) throws IOException {
        Input input = ledger.input();
        return finishAs(ledger, input.archived() ? folders.freeName(archiveDir, input.name()) : null, deadLetterFiles);
    }

    /** Writes the input's reports beside where it is archived (when it is), logs and counts it. */
    private Receipt finishAs(InputLedger ledger, Path archive, List<Path> deadLetterFiles) throws IOException {
        Input input = ledger.input();
        LogContext.input(input.name());
        Path replayedReport = archive != null && !ledger.tally().rejected() ? replayedReports.archive(input, archive)
                : null;
        Receipt receipt = ledger.receipt(deadLetterFiles, archive, replayedReport, clock.instant());
        if (archive != null) {
            if (ledger.tally().rejected()) {
                AtomicFiles.writeJson(Folders.besides(archive, Folders.ERROR_SUFFIX), json,
                        RejectionReport.of(input.name(), ledger.tally()));
            }
            AtomicFiles.writeJson(Folders.besides(archive, Folders.RECEIPT_SUFFIX), json, receipt);
        }
        log(receipt);
        onFinished.accept(receipt);
        return receipt;
    }

    private static void log(Receipt receipt) {
        Receipt.Counts c = receipt.counts();
        if (receipt.outcome() == Outcome.DRY_RUN) {
            LOG.info("Input {} DRY_RUN: rows={} invalid={} duplicatesDropped={}; would send {} batches; nothing sent",
                    receipt.input(), c.rows(), c.invalid(), c.duplicatesDropped(), c.batches());
            return;
        }
        if (receipt.outcome() == Outcome.REJECTED) {
            LOG.warn("Input {} REJECTED: {} (rows={}, invalid={}); nothing sent", receipt.input(), receipt.reason(),
                    c.rows(), c.invalid());
            return;
        }
        // refused: IDs express-chat refused on their own (isolation), isolationRequests: the PUTs that cost
        String line = "Input {} {}: rows={} sent={} delivered={} deadLettered={} refused={} isolationRequests={} "
                      + "invalid={} duplicatesDropped={} batches={} in {} ms";
        Object[] args = { receipt.input(), receipt.outcome(), c.rows(), c.sent(), c.delivered(), c.deadLettered(),
                c.refused(), c.isolationRequests(), c.invalid(), c.duplicatesDropped(), c.batches(),
                receipt.durationMs() };
        if (receipt.outcome() == Outcome.DELIVERED) {
            LOG.info(line, args);
        } else {
            LOG.warn(line, args);
        }
    }
}
