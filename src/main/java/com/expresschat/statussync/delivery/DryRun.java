package com.expresschat.statussync.delivery;

import java.time.Clock;

import org.apache.camel.Body;

import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.BatchOutcome;

/** statussync.dry-run: instead of sending a batch, its outcome says what would have been sent. */
public class DryRun {

    private final Clock clock;

    public DryRun(Clock clock) {
        this.clock = clock;
    }

    public BatchOutcome outcomeOf(@Body Batch batch) {
        return BatchOutcome.dryRun(batch, clock.instant());
    }
}
