package com.expresschat.statussync.outcome;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.model.FailureClass;
import com.expresschat.statussync.model.Isolation;
import com.expresschat.statussync.model.IsolationRecord;
import com.expresschat.statussync.model.Row;
import com.expresschat.statussync.storage.AtomicFiles;
import com.expresschat.statussync.storage.Folders;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dead-letter files of one input (§5): one NDJSON file per failure class in error/, holding the
 * dead-lettered rows with their status so that moving the file back into the inbox replays exactly those
 * IDs. Rows are appended as batches fail (memory does not grow with their number) to a hidden part file,
 * published under its final name, with its {@code .error.json}, when the input is finished. Batches are added
 * one at a time (by the split's aggregation strategy): nothing here is synchronized.
 * <p>
 * The name is derived from the input and the class ({@code <input>.<class>.ndjson}); a file of that name from
 * another input gets a {@code -2} name beside it, but one left by an earlier run of the same claimed input (its
 * report names the same claim) is replaced, never duplicated: a retried or restarted input rebuilds its dead letters
 * from its journal, so replaying all of error/ never sends an ID twice.
 */
public class DeadLetterFiles {

    static final String EXTENSION = ".ndjson";
    static final int MAX_LISTED_REQUEST_IDS = 100;
    /** IDs refused alone that a report lists with their answers (the receipt lists every one). */
    static final int MAX_LISTED_REFUSED = 1000;

    private final Folders folders;
    private final String inputName;
    private final ObjectMapper json;
    private final Map<FailureClass, ClassFile> files = new EnumMap<>(FailureClass.class);
    private final String claim;

    public DeadLetterFiles(Folders folders, String inputName, ObjectMapper json) {
        this(folders, inputName, json, null);
    }

    /** {@code claim}: the identity of the claimed input (storage.Claims), or null for an input held in memory. */
    public DeadLetterFiles(Folders folders, String inputName, ObjectMapper json, String claim) {
        this.folders = folders;
        this.inputName = inputName;
        this.json = json;
        this.claim = claim;
    }

    /** Whether {@code target} was published by an earlier run of this very claimed input. */
    private boolean ours(Path target) {
        if (claim == null) {
            return false;
        }
        Path report = Folders.besides(target, Folders.ERROR_SUFFIX);
        try {
            return Files.exists(report) && claim.equals(json.readTree(report.toFile()).path("claim").asText(null));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Appends the IDs of a batch that will not be delivered: all of them, or an isolated batch's dead-lettered parts. */
    public void add(BatchOutcome outcome) throws IOException {
        for (BatchOutcome end : outcome.ends()) {
            if (end.deadLettered()) {
                fileFor(end).append(end, outcome.isolation() != null);
            }
        }
    }

    private ClassFile fileFor(BatchOutcome outcome) throws IOException {
        ClassFile file = files.get(outcome.failureClass());
        if (file == null) {
            file = new ClassFile(outcome);
            files.put(outcome.failureClass(), file);
        }
        return file;
    }

    /** Publishes every dead-letter file with its report; returns their paths. */
    public List<Path> publish() throws IOException {
        List<Path> published = new ArrayList<>();
        for (ClassFile file : files.values()) {
            published.add(file.publish());
        }
        files.clear();
        return published;
    }

    /** Drops the unpublished part files, e.g. when the input failed and stays in the inbox to be retried. */
    public void abandon() {
        for (ClassFile file : files.values()) {
            file.discard();
        }
        files.clear();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeadLetterRow(String id, String subscriberId, String status) {
    }

    /** The dead letters of one failure class: an open part file and what the report will say. */
    private final class ClassFile {
        final BatchOutcome first;
        final Path target;
        final Path part;
        final OutputStream out;
        final List<String> requestIds = new ArrayList<>();
        final List<IsolationRecord.RefusedId> refused = new ArrayList<>();
        int batches;
        long ids;
        long refusedAlone;
        Long notIsolated;
        String lastAt;

        ClassFile(BatchOutcome first) throws IOException {
            this.first = first;
            String name = inputName.replace('/', '_') + "." + first.failureClass().name().toLowerCase(Locale.ROOT) + EXTENSION;
            this.target = folders.freeName(folders.error(), name, DeadLetterFiles.this::ours);
            this.part = AtomicFiles.partOf(target);
            try {
                this.out = new BufferedOutputStream(Files.newOutputStream(part));
            } catch (IOException e) {
                throw AtomicFiles.naming(part, e);
            }
        }

        /** {@code isolated}: the outcome is a part of a batch that was isolated. */
        void append(BatchOutcome outcome, boolean isolated) throws IOException {
            Batch batch = outcome.batch();
            try {
                for (Row row : batch.rows()) {
                    out.write(json.writeValueAsBytes(new DeadLetterRow(row.id(), row.subscriberId(), batch.status())));
                    out.write('\n');
                }
                out.flush();
            } catch (IOException e) {
                throw AtomicFiles.naming(part, e);
            }
            batches++;
            ids += batch.size();
            lastAt = outcome.at();
            if (requestIds.size() < MAX_LISTED_REQUEST_IDS) {
                requestIds.add(batch.requestId());
            }
            if (Isolation.refusedAlone(outcome)) {
                refusedAlone++;
                if (refused.size() < MAX_LISTED_REFUSED) {
                    refused.add(IsolationRecord.RefusedId.of(outcome));
                }
            } else if (isolated) {
                notIsolated = (notIsolated == null ? 0 : notIsolated) + batch.size();
            }
        }

        Path publish() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw AtomicFiles.naming(part, e);
            }
            DeadLetterReport report = new DeadLetterReport(
                    inputName, target.getFileName().toString(), first.failureClass().name(),
                    first.httpStatus(), first.response(), first.exception(), first.attempts(),
                    batches, ids, requestIds, refusedAlone == 0 ? null : refusedAlone, refused, notIsolated,
                    first.at(), lastAt,
                    "move " + target.getFileName() + " into the inbox to send these IDs again", claim);
            AtomicFiles.writeJson(Folders.besides(target, Folders.ERROR_SUFFIX), json, report);
            AtomicFiles.publish(part, target);
            return target;
        }

        void discard() {
            try {
                out.close();
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the part file is hidden and removed at the next start
            }
        }
    }
}
