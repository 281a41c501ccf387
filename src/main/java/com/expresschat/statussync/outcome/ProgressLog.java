package com.expresschat.statussync.outcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.model.Tally;

/**
 * Progress lines for long inputs (§7): one INFO line every so many batches or seconds, whichever comes
 * first, so that nothing is logged per batch for normal traffic and a long input still shows it is moving.
 */
public class ProgressLog {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);

    private final int everyBatches;
    private final Duration everyInterval;
    private final Clock clock;
    private Instant lastLine;
    private int batchesSinceLine;

    public ProgressLog(int everyBatches, Duration everyInterval, Clock clock) {
        this.everyBatches = everyBatches;
        this.everyInterval = everyInterval;
        this.clock = clock;
        this.lastLine = clock.instant();
    }

    /** Called once per finished batch, one batch at a time; logs when a line is due. */
    public void batchDone(String inputName, Tally tally, Instant startedAt) {
        Instant now = clock.instant();
        if (!lineDue(now)) {
            return;
        }
        // duplicates are counted once the input is read to its end: "of" is the valid rows until then
        LOG.info("Input {} in progress: {} of {} IDs done ({} delivered, {} dead-lettered) after {} s",
                inputName, tally.delivered() + tally.deadLettered(), tally.valid() - tally.duplicatesDropped(),
                tally.delivered(), tally.deadLettered(), Duration.between(startedAt, now).toSeconds());
    }

    private boolean lineDue(Instant now) {
        batchesSinceLine++;
        if (batchesSinceLine < everyBatches && Duration.between(lastLine, now).compareTo(everyInterval) < 0) {
            return false;
        }
        batchesSinceLine = 0;
        lastLine = now;
        return true;
    }
}
