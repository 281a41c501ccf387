package com.expresschat.statussync.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import com.expresschat.statussync.intake.FileIntake;
import com.expresschat.statussync.intake.InputFormat;
import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.model.FailureClass;
import com.expresschat.statussync.model.Isolation;
import com.expresschat.statussync.model.Input;
import com.expresschat.statussync.model.Row;
import com.expresschat.statussync.outcome.BatchRecords;
import com.expresschat.statussync.outcome.DeadLetterFiles;
import com.expresschat.statussync.outcome.InputJournal;
import com.expresschat.statussync.outcome.InputLedger;
import com.expresschat.statussync.outcome.ProgressLog;
import com.expresschat.statussync.storage.Folders;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Small fixtures shared by the unit tests: user IDs, rows, batches, outcomes and ledgers. */
public final class Samples {

    /** The user and subscriber IDs of the sample request in SPEC §1. */
    public static final String USER_ID = "640f472d173951357f08edee";
    public static final String SUBSCRIBER_ID = "640f479fa79ef02edfb33dfc";

    /** The sample request body of SPEC §1, exactly as express-chat must receive it for the seed line. */
    public static final String SEED_BODY = "{\"ids\":[\"" + USER_ID + "\"],\"status\":\"DELETED\",\"subscriberIds\":[\""
                                           + SUBSCRIBER_ID + "\"]}";

    public static final String DELETED = "DELETED";
    public static final Instant STARTED_AT = Instant.parse("2025-03-01T09:00:00Z");

    private Samples() {
    }

    /** A valid 24-hex-digit user ID, different for every n. */
    public static String userId(int n) {
        return "640f472d" + String.format("%016x", n);
    }

    /** A valid 24-hex-digit subscriber ID, different for every n. */
    public static String subscriberId(int n) {
        return "640f479f" + String.format("%016x", n);
    }

    /** Row n (line n) of an input: user n, no subscriber, the default status. */
    public static Row row(int n) {
        return Row.of(n, userId(n), null, null);
    }

    /** Rows 1..count. */
    public static List<Row> rows(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(Samples::row).toList();
    }

    /** A DELETED batch of input "users.txt" whose request id is "request-<number>". */
    public static Batch batch(int number, List<Row> rows) {
        return new Batch("users.txt", number, DELETED, rows, "request-" + number);
    }

    /** A dropped plain-list file of that name, with no content (the accounting never reads it). */
    public static Input fileInput(String name) {
        return fileInput(name, null);
    }

    /** As {@link #fileInput(String)}, claimed as {@code snapshot} (its journal lies beside it). */
    public static Input fileInput(String name, Path snapshot) {
        return new Input(name, FileIntake.SOURCE, true, InputFormat.PLAIN_LIST.name(),
                () -> InputFormat.PLAIN_LIST.open(InputStream.nullInputStream()), null, snapshot);
    }

    /** A fresh ledger for a dropped file of that name, started at {@link #STARTED_AT}, its folders under {@code dir}. */
    public static InputLedger ledger(String inputName, Path dir) {
        return ledger(inputName, dir, InputJournal.none());
    }

    /** As {@link #ledger(String, Path)}, journaled to {@code journal}. */
    public static InputLedger ledger(String inputName, Path dir, InputJournal<BatchOutcome> journal) {
        Folders folders = new Folders(dir.resolve("inbox"), dir.resolve("done"), dir.resolve("error"));
        try {
            folders.prepare();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InputLedger(fileInput(inputName), STARTED_AT, new BatchRecords(),
                new DeadLetterFiles(folders, inputName, new ObjectMapper()),
                new ProgressLog(Integer.MAX_VALUE, Duration.ofDays(1), Clock.systemUTC()), journal);
    }

    /** Batch {@code number} of "users.txt" with {@code ids} rows, delivered at the first attempt. */
    public static BatchOutcome delivered(int number, int ids) {
        return BatchOutcome.delivered(batch(number, rows(ids)), 1, 200, "{}", STARTED_AT);
    }

    /** Batch {@code number} of "users.txt" with {@code ids} rows, dead-lettered as TRANSIENT after 6 attempts. */
    public static BatchOutcome deadLettered(int number, int ids) {
        return BatchOutcome.deadLettered(batch(number, rows(ids)), 6, FailureClass.TRANSIENT, 503, "down", null,
                STARTED_AT);
    }

    /**
     * Batch {@code number} of "users.txt" with 4 rows, refused (400) and isolated in 6 requests: rows 1-2 delivered,
     * row 3 refused alone, row 4 TRANSIENT after its retries.
     */
    public static BatchOutcome isolated(int number) {
        Batch batch = batch(number, rows(4));
        List<Batch> halves = batch.halves();
        List<Batch> quarters = halves.get(1).halves();
        return BatchOutcome.isolated(
                BatchOutcome.deadLettered(batch, 1, FailureClass.REJECTED, 400, "refused", null, STARTED_AT),
                new Isolation(4, List.of(
                        BatchOutcome.delivered(halves.get(0), 1, 200, "{}", STARTED_AT),
                        BatchOutcome.deadLettered(quarters.get(0), 1, FailureClass.REJECTED, 400, "unknown user 3",
                                null, STARTED_AT),
                        BatchOutcome.deadLettered(quarters.get(1), 6, FailureClass.TRANSIENT, 503, "down", null,
                                STARTED_AT))));
    }
}
