package com.expresschat.statussync.pause;

import com.expresschat.statussync.intake.rest.RestProblem;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;


/**
 * While intake is paused (§6: express-chat keeps failing, or refused the token), a new REST input is refused with
 * 503 and a Retry-After of one probe interval, the soonest intake may resume; nothing of it is taken or stored.
 */
public class OpenIntake implements Processor {

    private final IntakeGate gate;
    private final long retryAfterSeconds;

    public OpenIntake(IntakeGate gate, long retryAfterSeconds) {
        this.gate = gate;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public void process(Exchange exchange) {
        IntakeGate.Pause pause = gate.pause();
        if (pause != null) {
            throw RestProblem.paused("intake is paused since " + pause.since() + ": " + pause.reason().description(),
                    retryAfterSeconds);
        }
    }
}
