package com.expresschat.statussync.model;

import java.util.List;

/**
 * What bounded bisection made of a REJECTED batch (§4): the outcomes of the pieces that together hold every ID
 * of the batch once, in batch order, and how many PUTs it cost. A piece ends delivered, refused alone (one ID,
 * REJECTED with express-chat's own answer for it), or dead-lettered without being isolated: a refused piece of
 * several IDs the budget could not split further, a piece that failed for another class (TRANSIENT, THROTTLED,
 * AUTH: never bisected), or a piece not sent because isolation stopped at such a failure.
 *
 * @param requests the PUTs isolation made, the batch's own first PUT not included (retries of a piece are the
 *                 retry policy's and not counted here)
 * @param pieces   the final outcome of every piece, in batch order
 */
public record Isolation(int requests, List<BatchOutcome> pieces) {

    public Isolation {
        pieces = List.copyOf(pieces);
    }

    /** IDs delivered by their piece. */
    public long delivered() {
        return pieces.stream().filter(p -> p.result() == BatchOutcome.Result.DELIVERED)
                .mapToLong(p -> p.batch().size()).sum();
    }

    /** IDs dead-lettered, refused alone or not. */
    public long deadLettered() {
        return pieces.stream().filter(BatchOutcome::deadLettered).mapToLong(p -> p.batch().size()).sum();
    }

    /** The pieces of one ID that express-chat refused on its own. */
    public List<BatchOutcome> refusedAlone() {
        return pieces.stream().filter(Isolation::refusedAlone).toList();
    }

    /** The dead-lettered pieces that are not a single refused ID. */
    public List<BatchOutcome> notIsolated() {
        return pieces.stream().filter(p -> p.deadLettered() && !refusedAlone(p)).toList();
    }

    /** A piece of one ID that express-chat refused: the ID is found. */
    public static boolean refusedAlone(BatchOutcome piece) {
        return piece.deadLettered() && piece.failureClass() == FailureClass.REJECTED && piece.batch().size() == 1
               && piece.attempts() > 0;
    }

    /** The receipt's view. */
    public IsolationRecord record() {
        return new IsolationRecord(requests, delivered(), deadLettered(),
                refusedAlone().stream().map(IsolationRecord.RefusedId::of).toList(),
                notIsolated().stream().map(IsolationRecord.DeadLetteredPart::of).toList());
    }
}
