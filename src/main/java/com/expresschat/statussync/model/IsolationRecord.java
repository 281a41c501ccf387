package com.expresschat.statussync.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a REJECTED batch was isolated, as its receipt line shows it: the PUTs it cost, how many of its IDs were
 * delivered and dead-lettered, each ID express-chat refused on its own with its answer, and the parts that were
 * dead-lettered without being isolated (the budget ran out, or a part failed for another reason).
 *
 * @param requests     PUTs isolation made for the batch (its first PUT not included)
 * @param delivered    IDs of the batch delivered by their part
 * @param deadLettered IDs of the batch dead-lettered
 * @param refused      every ID refused alone, with express-chat's answer to its single-ID PUT
 * @param notIsolated  parts dead-lettered with the answer to the part, not to each ID
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IsolationRecord(
        int requests, long delivered, long deadLettered, List<RefusedId> refused, List<DeadLetteredPart> notIsolated) {

    public IsolationRecord {
        refused = refused == null ? List.of() : List.copyOf(refused);
        notIsolated = notIsolated == null ? List.of() : List.copyOf(notIsolated);
    }

    /**
     * One ID express-chat refused on its own.
     *
     * @param id           the user ID
     * @param requestId    the X-Request-Id of its single-ID PUT
     * @param httpStatus   express-chat's answer to that PUT
     * @param response     the start of the answer body
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RefusedId(String id, String requestId, Integer httpStatus, String response) {

        public static RefusedId of(BatchOutcome piece) {
            return new RefusedId(piece.batch().rows().get(0).id(), piece.batch().requestId(), piece.httpStatus(),
                    piece.response());
        }
    }

    /**
     * Part of a batch dead-lettered as a whole.
     *
     * @param ids        its user IDs
     * @param requestId  the X-Request-Id of its PUT
     * @param result     the failure class it was dead-lettered with
     * @param attempts   PUTs made for it (0: not sent)
     * @param httpStatus express-chat's last answer for it, or null
     * @param response   the start of that answer, or null
     * @param exception  why there was no answer, or why it was not sent, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeadLetteredPart(
            List<String> ids, String requestId, String result, int attempts, Integer httpStatus, String response,
            String exception) {

        public static DeadLetteredPart of(BatchOutcome piece) {
            return new DeadLetteredPart(piece.batch().rows().stream().map(Row::id).toList(),
                    piece.batch().requestId(), piece.failureClass().name(), piece.attempts(), piece.httpStatus(),
                    piece.response(), piece.exception());
        }
    }
}
