package com.expresschat.statussync.transport;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import org.apache.camel.Body;
import org.apache.camel.CamelContext;
import org.apache.camel.ExchangeProperty;

import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.ExchangeKeys;
import com.expresschat.statussync.model.Input;
import com.expresschat.statussync.model.InputRun;
import com.expresschat.statussync.model.Receipt;
import com.expresschat.statussync.outcome.InputLedger;
import com.expresschat.statussync.storage.Folders;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The intake side of statussync.transport=kafka (routes/kafka-transport.camel.yaml, publish-batches): which inputs
 * go to the batches topic, the records it publishes, and the input's closing record once every batch is acknowledged.
 */
public class BatchPublishing {

    /** The input run's id, while its batches are published. */
    public static final String INPUT_ID = "statusSyncKafkaInput";
    /** The input's closing record, once it is published. */
    public static final String CLOSING = "statusSyncInputClosing";
    /** The input's batches (delivery.BatchSource's), while they are published. */
    public static final String BATCHES = "statusSyncKafkaBatches";
    /** How many batches of the input were published (set by {@link PublishedBatchCount}). */
    public static final String PUBLISHED = "statusSyncPublishedBatches";
    /**
     * Batch records per synchronous send: one wait for the broker per this many batches (about 120 KB of JSON for
     * batches of 100), and each record still acknowledged before the input is closed.
     */
    static final int RECORDS_PER_SEND = 20;

    private final boolean kafka;
    private final boolean dryRun;
    private final Folders folders;
    private final Clock clock;
    private final TransportMetrics metrics;
    private final ObjectMapper json;

    public BatchPublishing(boolean kafka, boolean dryRun, Folders folders, Clock clock, TransportMetrics metrics,
            ObjectMapper json) {
        this.kafka = kafka;
        this.json = json;
        this.dryRun = dryRun;
        this.folders = folders;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Whether the input's batches go to Kafka: with statussync.transport=kafka, an archived input (a dropped file, an
     * asynchronous REST post). A synchronous REST post is answered with its receipt, so this instance delivers it
     * itself; a dry run sends nothing and needs no worker.
     */
    public boolean publishes(@ExchangeProperty(ExchangeKeys.INPUT_RUN) InputRun run) {
        return kafka && !dryRun && run.input().archived();
    }

    public String newInputId() {
        return UUID.randomUUID().toString();
    }

    /** The input's batches as records of the batches topic, {@link #RECORDS_PER_SEND} to a send. */
    public PublishedRecords recordsOf(@ExchangeProperty(BATCHES) Iterator<Batch> batches,
            @ExchangeProperty(INPUT_ID) String inputId, CamelContext context) {
        return new PublishedRecords(batches, inputId, RECORDS_PER_SEND, json, context);
    }

    /** Counts the records of a send the broker acknowledged. */
    public void acknowledged(@Body List<?> records) {
        metrics.published(records.size());
    }

    /**
     * The input's closing record, once all its batches are acknowledged: it names the file in done/ that the input is
     * archived as (a free name now, taken by the file consumer's move right after).
     */
    public InputEvent closing(@ExchangeProperty(ExchangeKeys.INPUT_RUN) InputLedger ledger,
            @ExchangeProperty(INPUT_ID) String inputId, @ExchangeProperty(PUBLISHED) Integer published) {
        Input input = ledger.input();
        Path archive = folders.freeName(folders.done(), input.name());
        return InputEvent.closing(inputId, new InputClosed(input.name(), input.source(), input.format(),
                archive.getFileName().toString(), ledger.startedAt().toString(), published == null ? 0 : published,
                ledger.tally().intakeCounts()));
    }

    /**
     * What the file intake reads once the input is published: where to move it (a receipt that only names its archive;
     * the input's real receipt is written beside it by the collector once every outcome is in).
     */
    public Receipt published(@ExchangeProperty(CLOSING) InputEvent closing,
            @ExchangeProperty(ExchangeKeys.INPUT_RUN) InputLedger ledger) {
        return ledger.receipt(List.of(), folders.done().resolve(closing.closed().archivedAs()), clock.instant());
    }
}
