package com.expresschat.statussync.outcome;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.ExchangeKeys;
import com.expresschat.statussync.LogContext;
import com.expresschat.statussync.intake.FileIntake;
import com.expresschat.statussync.intake.Input;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Ends an input (§5): publishes its dead-letter files, writes its receipt (and for a rejected input its
 * error report) where the input will be archived, names that place for the file consumer to move the
 * input to, and logs one line with the outcome and counts. The receipt becomes the message body.
 * A dropped file goes to done/ unless it was REJECTED, then to error/ unchanged: error/ holds exactly
 * what needs an operator.
 */
public class InputCompletion {

    private static final Logger LOG = LoggerFactory.getLogger(InputCompletion.class);

    public static final String RECEIPT_SUFFIX = ".receipt.json";
    public static final String ERROR_SUFFIX = ".error.json";

    private final Folders folders;
    private final ObjectMapper json;
    private final Clock clock;
    private final Consumer<Receipt> onFinished;

    /** {@code onFinished} learns of every finished input (metrics). */
    public InputCompletion(Folders folders, ObjectMapper json, Clock clock, Consumer<Receipt> onFinished) {
        this.folders = folders;
        this.json = json;
        this.clock = clock;
        this.onFinished = onFinished;
    }

    /** Ends an input whose batches have all been delivered or dead-lettered. */
    public Receipt complete(Exchange exchange) throws IOException {
        List<Path> deadLetterFiles = exchange.getProperty(ExchangeKeys.DEAD_LETTERS, DeadLetterFiles.class).publish();
        return finish(exchange, folders.done(), deadLetterFiles);
    }

    /** Ends an input that was rejected: nothing of it was sent. */
    public Receipt reject(Exchange exchange) throws IOException {
        return finish(exchange, folders.error(), List.of());
    }

    /**
     * Ends an inbox entry that was never taken as an input ({@link UnusableEntries}): it lies in error/ as
     * {@code rejected} already; its receipt and error report are written beside it.
     */
    public Receipt rejectUnread(Input input, Path rejected) throws IOException {
        InputReport report = new InputReport(input, clock.instant(), new ProgressLog(Integer.MAX_VALUE,
                Duration.ofDays(1), clock), new BatchRecords());
        report.reject(input.refusal());
        LogContext.input(input.name());
        return record(report, List.of(), rejected);
    }

    private Receipt finish(Exchange exchange, Path archiveDir, List<Path> deadLetterFiles) throws IOException {
        Input input = exchange.getProperty(ExchangeKeys.INPUT, Input.class);
        InputReport report = exchange.getProperty(ExchangeKeys.REPORT, InputReport.class);
        LogContext.input(input.name());
        Path archive = FileIntake.SOURCE.equals(input.source()) ? folders.freeName(archiveDir, input.name()) : null;
        Receipt receipt = record(report, deadLetterFiles, archive);
        if (archive != null) {
            exchange.setProperty(ExchangeKeys.ARCHIVE_PATH, archive.toString());
        }
        exchange.getMessage().setBody(receipt);
        return receipt;
    }

    /** Writes the reports of an input beside where it is archived (if it is a file), logs and counts it. */
    private Receipt record(InputReport report, List<Path> deadLetterFiles, Path archive) throws IOException {
        Receipt receipt = Receipt.of(report, deadLetterFiles, archive, clock.instant());
        if (archive != null) {
            if (report.rejected()) {
                AtomicFiles.writeJson(Folders.besides(archive, ERROR_SUFFIX), json, RejectionReport.of(report));
            }
            AtomicFiles.writeJson(Folders.besides(archive, RECEIPT_SUFFIX), json, receipt);
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
        String line = "Input {} {}: rows={} sent={} delivered={} deadLettered={} invalid={} duplicatesDropped={} "
                      + "batches={} in {} ms";
        Object[] args = { receipt.input(), receipt.outcome(), c.rows(), c.sent(), c.delivered(), c.deadLettered(),
                c.invalid(), c.duplicatesDropped(), c.batches(), receipt.durationMs() };
        if (receipt.outcome() == Outcome.DELIVERED) {
            LOG.info(line, args);
        } else {
            LOG.warn(line, args);
        }
    }
}
