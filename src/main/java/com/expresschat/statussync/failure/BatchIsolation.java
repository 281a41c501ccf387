package com.expresschat.statussync.failure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
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
 * PUT), one level of halves at a time: a half that is accepted is delivered, a refused half of several IDs is halved
 * again, down to single IDs. The budget bounds the PUTs per batch ({@code statussync.isolation.max-extra-requests}): a part
 * is halved only while the budget holds both halves, so what is left when it runs out is a refused part with its own
 * answer, dead-lettered as not isolated. A part that fails otherwise (TRANSIENT or THROTTLED after its retries, AUTH)
 * is never bisected; it stops the isolation, and parts not sent yet are dead-lettered with their parent's answer.
 * When every part of a level of four or more is refused, express-chat refuses the request rather than a few IDs
 * (a status it does not know, a wrong URL answering 404): isolation stops there instead of spending its budget.
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
        return enabled && maxExtraRequests >= 2 && part == null && halvable(outcome);
    }

    /** Bisects a REJECTED batch within the budget, one level of halves at a time; returns its ISOLATED outcome. */
    public BatchOutcome isolate(@Body BatchOutcome refused) {
        Batch batch = refused.batch();
        List<Part> ends = new ArrayList<>();
        List<Part> level = new Part(0, batch, null).halves(refused);
        int reserved = level.size();
        int requests = 0;
        String stop = null;
        while (!level.isEmpty()) {
            List<Part> sent = new ArrayList<>();
            for (Part part : level) {
                BatchOutcome outcome = stop == null ? delivery.apply(part.batch()) : notSent(part, stop);
                if (outcome.attempts() > 0) {
                    requests++;
                }
                if (stop == null && outcome.deadLettered() && outcome.failureClass() != FailureClass.REJECTED) {
                    stop = outcome.batch().requestId() + " failed " + outcome.failureClass();
                }
                sent.add(part.ended(outcome));
            }
            // four or more parts of one level all refused: express-chat refuses the request, not a few of its IDs
            if (stop == null && level.size() >= 4 && sent.stream().allMatch(p -> halvable(p.outcome()))) {
                stop = "every part of " + level.size() + " refused";
            }
            List<Part> next = new ArrayList<>();
            for (Part part : sent) {
                if (stop == null && halvable(part.outcome()) && reserved + 2 <= maxExtraRequests) {
                    next.addAll(part.halves(part.outcome()));
                    reserved += 2;
                } else {
                    ends.add(part);
                }
            }
            level = next;
        }
        ends.sort(Comparator.comparingInt(Part::offset));
        Isolation isolation = new Isolation(requests, ends.stream().map(Part::outcome).toList());
        LogContext.batch(batch);
        // the batch's one line: ERROR when some of its IDs are dead-lettered, like any batch given up on
        String line = "Batch {} of {} ({} IDs, request id {}) refused as a whole; isolation made {} request(s): "
                      + "{} delivered, {} refused alone, {} dead-lettered not isolated{}";
        Object[] args = { batch.number(), batch.inputName(), batch.size(), batch.requestId(), requests,
                isolation.delivered(), isolation.refusedAlone().size(),
                isolation.deadLettered() - isolation.refusedAlone().size(), stop == null ? "" : " (stopped: " + stop + ")" };
        if (isolation.deadLettered() > 0) {
            LOG.error(line, args);
        } else {
            LOG.warn(line, args);
        }
        return BatchOutcome.isolated(refused, isolation);
    }

    /** Refused by express-chat (REJECTED, after a call) and holding several IDs: halving it may find them. */
    private static boolean halvable(BatchOutcome outcome) {
        return outcome.deadLettered() && outcome.failureClass() == FailureClass.REJECTED && outcome.attempts() > 0
               && outcome.batch().size() > 1;
    }

    /** A part left unsent once isolation stopped: dead-lettered with the answer to the part it came from. */
    private BatchOutcome notSent(Part part, String stop) {
        BatchOutcome parent = part.parentAnswer();
        return BatchOutcome.deadLettered(part.batch(), 0, FailureClass.REJECTED, parent.httpStatus(),
                parent.response(), "not sent: isolation stopped (" + stop + ")", clock.instant());
    }

    /** A part of the batch: where it starts, its batch, the answer to the part it was halved from, its outcome. */
    private record Part(int offset, Batch batch, BatchOutcome parentAnswer, BatchOutcome outcome) {

        Part(int offset, Batch batch, BatchOutcome parentAnswer) {
            this(offset, batch, parentAnswer, null);
        }

        /** Both halves, to be sent; {@code answer} is the refusal of this part. */
        List<Part> halves(BatchOutcome answer) {
            List<Batch> halves = batch.halves();
            return List.of(new Part(offset, halves.get(0), answer),
                    new Part(offset + halves.get(0).size(), halves.get(1), answer));
        }

        Part ended(BatchOutcome end) {
            return new Part(offset, batch, parentAnswer, end);
        }
    }
}
