package com.expresschat.statussync.failure;

import java.time.Duration;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import com.expresschat.statussync.delivery.TokenSource;

/**
 * The first step of every delivery attempt. While intake is paused or the circuit is open, the batch is not sent
 * but dead-lettered at once (§4: remaining batches are not hammered), with the pause's class. Otherwise the attempt
 * gets the current token ({@link TokenSource}, re-read for every attempt): never an empty one. Without any token
 * (a local configuration fault, not express-chat's) the batch waits here, intake is paused with
 * {@link IntakeGate.Reason#TOKEN_MISSING} (readiness says why), nothing is sent and nothing is dead-lettered;
 * once a token is back it is sent and intake resumes. A stop while waiting fails the input, which then stays in
 * the inbox (DeadLetterRecorder never dead-letters a held batch).
 */
public class DeliveryGate implements Processor {

    /** How often a batch waiting for a token looks again. */
    static final Duration HOLD_CHECK = Duration.ofMillis(250);

    private final IntakeGate gate;
    private final ExpressChatCircuit circuit;
    private final TokenSource tokens;

    public DeliveryGate(IntakeGate gate, ExpressChatCircuit circuit, TokenSource tokens) {
        this.gate = gate;
        this.circuit = circuit;
        this.tokens = tokens;
    }

    @Override
    public void process(Exchange exchange) throws NotSentException {
        IntakeGate.Pause pause = gate.pause();
        if (pause != null && !pause.reason().holds()) {
            throw new NotSentException(pause.reason());
        }
        if (!circuit.permitsCall()) {
            throw new NotSentException(IntakeGate.Reason.EXPRESS_CHAT_FAILING);
        }
        exchange.getMessage().setHeader("Authorization", "Bearer " + awaitToken(exchange));
    }

    private String awaitToken(Exchange exchange) throws NotSentException {
        Optional<String> token = tokens.current();
        while (token.isEmpty()) {
            gate.pause(IntakeGate.Reason.TOKEN_MISSING);
            if (exchange.getContext().isStopping()) {
                throw new NotSentException(IntakeGate.Reason.TOKEN_MISSING);
            }
            try {
                Thread.sleep(HOLD_CHECK.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotSentException(IntakeGate.Reason.TOKEN_MISSING);
            }
            token = tokens.current();
        }
        gate.resume(IntakeGate.Reason.TOKEN_MISSING);
        return token.get();
    }
}
