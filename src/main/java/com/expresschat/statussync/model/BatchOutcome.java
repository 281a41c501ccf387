package com.expresschat.statussync.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What became of one {@link Batch}: the one thing delivery hands back (§4, §5). Delivery turns a Batch into a
 * BatchOutcome and nothing else; the outcome stage folds the outcomes of an input into its tally, receipt and
 * dead-letter files. Serializable (Jackson) like the batch itself.
 *
 * @param batch        the batch
 * @param result       delivered, dead-lettered, or (dry run) not sent on purpose
 * @param attempts     how many PUTs reached express-chat for it (0 in a dry run or when it was held back)
 * @param httpStatus   express-chat's last answer, or null when there was none
 * @param failureClass why it was dead-lettered, or null
 * @param response     the start of express-chat's last answer body (truncated), or null
 * @param exception    the exception of the last attempt in one line, or null
 * @param at           when the outcome was decided (ISO-8601)
 * @param isolation    for a REJECTED batch that was bisected (result ISOLATED): what became of its parts; else null
 * @param deliveredBy  with statussync.transport=kafka, the instance (statussync.instance-id) whose worker delivered it;
 *                     null in one process
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchOutcome(
        Batch batch, Result result, int attempts, Integer httpStatus, FailureClass failureClass, String response,
        String exception, String at, Isolation isolation, String deliveredBy) {

    /** How much of express-chat's answer an outcome keeps. */
    public static final int MAX_RESPONSE_CHARS = 2000;

    /**
     * The ends of a batch; ISOLATED: express-chat refused it as a whole, and bisection sent its parts on their own
     * (see {@link #isolation}), so its IDs may end either way.
     */
    public enum Result {
        DELIVERED, DEAD_LETTERED, DRY_RUN, ISOLATED
    }

    public BatchOutcome(Batch batch, Result result, int attempts, Integer httpStatus, FailureClass failureClass,
            String response, String exception, String at) {
        this(batch, result, attempts, httpStatus, failureClass, response, exception, at, null, null);
    }

    public BatchOutcome(Batch batch, Result result, int attempts, Integer httpStatus, FailureClass failureClass,
            String response, String exception, String at, Isolation isolation) {
        this(batch, result, attempts, httpStatus, failureClass, response, exception, at, isolation, null);
    }

    /** This outcome, as delivered by the worker of {@code instance}. */
    public BatchOutcome deliveredBy(String instance) {
        return new BatchOutcome(batch, result, attempts, httpStatus, failureClass, response, exception, at, isolation,
                instance);
    }

    public static BatchOutcome delivered(Batch batch, int attempts, Integer httpStatus, String response, Instant at) {
        return new BatchOutcome(batch, Result.DELIVERED, attempts, httpStatus, null, response, null, at.toString());
    }

    public static BatchOutcome deadLettered(Batch batch, int attempts, FailureClass failureClass, Integer httpStatus,
            String response, String exception, Instant at) {
        return new BatchOutcome(batch, Result.DEAD_LETTERED, attempts, httpStatus, failureClass, response, exception,
                at.toString());
    }

    /** statussync.dry-run: the batch would have been sent; nothing was. */
    public static BatchOutcome dryRun(Batch batch, Instant at) {
        return new BatchOutcome(batch, Result.DRY_RUN, 0, null, null, null, null, at.toString());
    }

    /** A REJECTED batch after isolation: its own (first) answer, and what became of its parts. */
    public static BatchOutcome isolated(BatchOutcome refused, Isolation isolation) {
        return new BatchOutcome(refused.batch, Result.ISOLATED, refused.attempts, refused.httpStatus,
                refused.failureClass, refused.response, refused.exception, refused.at, isolation);
    }

    /**
     * This outcome as it is kept and passed on (journal, outcomes topic): a delivered batch, an isolated one (its
     * pieces hold its IDs) and an isolated batch's delivered pieces as {@link Batch#summary summaries}. Dead-lettered
     * rows are kept for the dead-letter files, a dry run's for the request its receipt shows.
     */
    public BatchOutcome withoutDeliveredRows() {
        return switch (result) {
            case DELIVERED -> batch.isSummary() ? this : withBatch(batch.summary(), isolation);
            case ISOLATED -> withBatch(batch.summary(), new Isolation(isolation.requests(),
                    isolation.pieces().stream().map(BatchOutcome::withoutDeliveredRows).toList()));
            case DEAD_LETTERED, DRY_RUN -> this;
        };
    }

    private BatchOutcome withBatch(Batch other, Isolation otherIsolation) {
        return new BatchOutcome(other, result, attempts, httpStatus, failureClass, response, exception, at,
                otherIsolation, deliveredBy);
    }

    /** The start of an answer body, as an outcome keeps it. */
    public static String excerpt(String body) {
        if (body == null || body.length() <= MAX_RESPONSE_CHARS) {
            return body;
        }
        return body.substring(0, MAX_RESPONSE_CHARS) + "... (" + body.length() + " chars)";
    }

    @JsonIgnore
    public boolean deadLettered() {
        return result == Result.DEAD_LETTERED;
    }

    /** The outcomes that say where each ID of the batch ended: the parts of an isolated batch, else this one. */
    @JsonIgnore
    public List<BatchOutcome> ends() {
        return isolation == null ? List.of(this) : isolation.pieces();
    }

    /** The batch's line in the receipt. */
    @JsonIgnore
    public BatchRecord record() {
        BatchRecord record = switch (result) {
            case DELIVERED -> new BatchRecord(batch.number(), batch.requestId(), batch.status(), batch.size(),
                    attempts, BatchRecord.DELIVERED, httpStatus, response);
            case DEAD_LETTERED -> new BatchRecord(batch.number(), batch.requestId(), batch.status(), batch.size(),
                    attempts, failureClass.name(), httpStatus, response);
            case DRY_RUN -> BatchRecord.dryRun(batch);
            case ISOLATED -> new BatchRecord(batch.number(), batch.requestId(), batch.status(), batch.size(),
                    attempts, Result.ISOLATED.name(), httpStatus, response, null, isolation.record());
        };
        return deliveredBy == null ? record : record.deliveredBy(deliveredBy);
    }
}
