package com.expresschat.statussync.pause;

import com.expresschat.statussync.intake.rest.RestProblem;

/**
 * While intake is paused (§6: express-chat keeps failing, or refused the token), a new REST input is refused with
 * 503 and a Retry-After of one probe interval, the soonest intake may resume; nothing of it is taken or stored.
 */
public class OpenIntake {

    private final IntakeGate gate;
    private final long retryAfterSeconds;

    public OpenIntake(IntakeGate gate, long retryAfterSeconds) {
        this.gate = gate;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Returns while intake is open; throws the 503 problem while it is paused. */
    public void check() {
        IntakeGate.Pause pause = gate.pause();
        if (pause != null) {
            throw RestProblem.paused("intake is paused since " + pause.since() + ": " + pause.reason().description(),
                    retryAfterSeconds);
        }
    }
}
