package com.expresschat.statussync.failure;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.model.ExchangeKeys;
import com.expresschat.statussync.model.FailureClass;
import com.expresschat.statussync.model.Isolation;
import com.expresschat.statussync.model.LogContext;

/**
 * Per-ID failure isolation (§4): express-chat answers one status per PUT, so when it refuses a batch (REJECTED) the
 * batch is bisected to find the IDs it refuses on their own. Both halves of a refused part are sent, each as a batch
 * of its own through deliver-batch (so retries, the rate limit, the circuit and the pause apply to them as to any
 * PUT), breadth first: a half that is accepted is delivered at once, a refused half of several IDs is halved again,
 * down to single IDs. The budget bounds the PUTs per batch ({@code statussync.isolation.max-extra-requests}): a part
 * is halved only while the budget holds both halves, so what is left when it runs out is a refused part with its own
 * answer, dead-lettered as not isolated. A part that fails otherwise (TRANSIENT or THROTTLED after its retries, AUTH)
 * is never bisected; it stops the isolation, and parts not sent yet are dead-lettered with their parent's answer.
 * <p>
 * The result is one outcome for the batch (ISOLATED, with every part's outcome), so that the split's fold stays the
 * one place that writes the tally, receipt and dead-letter files.
 */
public class BatchIsolation {

    private static final Logger LOG = LoggerFactory.getLogger(BatchIsolation.class);

    private final boolean enabled;
    private final int maxExtraRequests;
    private final Function<Batch, BatchOutcome> delivery;
    private final Clock clock;

    /** {@code delivery} sends one part through deliver-batch and returns its outcome. */
    public BatchIsolation(boolean enabled, int maxExtraRequests, Function<Batch, BatchOutcome> delivery, Clock clock) {
        this.enabled = enabled;
        this.maxExtraRequests = maxExtraRequests;
        this.delivery = delivery;
        this.clock = clock;
    }

    /**
     * The budget that isolates {@code refusedIds} refused IDs anywhere in a batch of {@code batchSize}: each halving
     * level sends at most two parts per refused ID, and there are ceil(log2(batchSize)) levels down to single IDs.
     */
    public static int budgetFor(int batchSize, int refusedIds) {
        int levels = 32 - Integer.numberOfLeadingZeros(Math.max(1, batchSize - 1));
        return 2 * levels * refusedIds;
    }

    /** Whether a dead-lettered batch is isolated: REJECTED, several IDs, room for two halves, not itself a part. */
    public boolean applies(@Body BatchOutcome outcome, @ExchangeProperty(ExchangeKeys.ISOLATION_PART) Boolean part) {
        return enabled && maxExtraRequests >= 2 && part == null
               && outcome.failureClass() == FailureClass.REJECTED && outcome.attempts() > 0
               && outcome.batch().size() > 1;
    }

    /** Bisects a REJECTED batch within the budget; returns its ISOLATED outcome. */
    public BatchOutcome isolate(@Body BatchOutcome refused) {
        Batch batch = refused.batch();
        Deque<Part> toSend = new ArrayDeque<>();
        List<Part> ends = new ArrayList<>();
        int reserved = halve(new Part(0, batch), refused, toSend, 0);
        int requests = 0;
        BatchOutcome stoppedBy = null;
        while (!toSend.isEmpty()) {
            Part part = toSend.poll();
            if (stoppedBy != null) {
                ends.add(part.ended(notSent(part, stoppedBy)));
                continue;
            }
            BatchOutcome outcome = delivery.apply(part.batch());
            if (outcome.attempts() > 0) {
                requests++;
            }
            if (splittable(outcome) && reserved + 2 <= maxExtraRequests) {
                reserved = halve(part, outcome, toSend, reserved);
            } else {
                ends.add(part.ended(outcome));
                if (outcome.deadLettered() && outcome.failureClass() != FailureClass.REJECTED) {
                    stoppedBy = outcome;
                }
            }
        }
        ends.sort(Comparator.comparingInt(Part::offset));
        Isolation isolation = new Isolation(requests, ends.stream().map(Part::outcome).toList());
        LogContext.batch(batch);
        LOG.warn("Batch {} of {} ({} IDs, request id {}) refused as a whole; isolation made {} request(s): "
                 + "{} delivered, {} refused alone, {} dead-lettered not isolated{}",
                batch.number(), batch.inputName(), batch.size(), batch.requestId(), requests, isolation.delivered(),
                isolation.refusedAlone().size(), isolation.deadLettered() - isolation.refusedAlone().size(),
                stoppedBy == null ? "" : " (stopped: " + stoppedBy.batch().requestId() + " failed "
                                         + stoppedBy.failureClass() + ")");
        return BatchOutcome.isolated(refused, isolation);
    }

    private static boolean splittable(BatchOutcome outcome) {
        return outcome.deadLettered() && outcome.failureClass() == FailureClass.REJECTED && outcome.attempts() > 0
               && outcome.batch().size() > 1;
    }

    /** Queues both halves of a refused part; returns the requests now reserved. */
    private static int halve(Part part, BatchOutcome answer, Deque<Part> toSend, int reserved) {
        List<Batch> halves = part.batch().halves();
        toSend.add(new Part(part.offset(), halves.get(0), answer));
        toSend.add(new Part(part.offset() + halves.get(0).size(), halves.get(1), answer));
        return reserved + 2;
    }

    /** A part left unsent once isolation stopped: dead-lettered with the answer to the part it came from. */
    private BatchOutcome notSent(Part part, BatchOutcome stoppedBy) {
        BatchOutcome parent = part.parentAnswer();
        return BatchOutcome.deadLettered(part.batch(), 0, FailureClass.REJECTED, parent.httpStatus(),
                parent.response(), "not sent: isolation stopped when " + stoppedBy.batch().requestId() + " failed "
                                   + stoppedBy.failureClass(),
                clock.instant());
    }

    /** A part of the batch: where it starts, its batch, the answer to the part it was halved from, its outcome. */
    private record Part(int offset, Batch batch, BatchOutcome parentAnswer, BatchOutcome outcome) {

        Part(int offset, Batch batch) {
            this(offset, batch, null, null);
        }

        Part(int offset, Batch batch, BatchOutcome parentAnswer) {
            this(offset, batch, parentAnswer, null);
        }

        Part ended(BatchOutcome end) {
            return new Part(offset, batch, parentAnswer, end);
        }
    }
}
