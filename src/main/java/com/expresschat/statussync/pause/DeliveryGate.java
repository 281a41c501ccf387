package com.expresschat.statussync.pause;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import com.expresschat.statussync.credentials.TokenSource;

/**
 * The first step of every delivery attempt. While intake is paused or the circuit is open, the batch is not sent
 * but dead-lettered at once (§4: remaining batches are not hammered), with the pause's class. Otherwise the attempt
 * gets the current token ({@link TokenSource}, re-read for every attempt): never an empty one. Without any token
 * (a local configuration fault, not express-chat's) the batch waits here, intake is paused with
 * {@link IntakeGate.Reason#TOKEN_MISSING} (readiness says why), nothing is sent and nothing is dead-lettered;
 * once a token is back it is sent and intake resumes. A stop while waiting fails the input, which then stays in
 * the inbox (DeadLetterRecorder never dead-letters a held batch).
 */
public class DeliveryGate {

    /** How often a batch waiting for a token looks again. */
    static final Duration HOLD_CHECK = Duration.ofMillis(250);

    private final IntakeGate gate;
    private final ExpressChatCircuit circuit;
    private final TokenSource tokens;
    private final BooleanSupplier stopping;

    /** {@code stopping} tells a batch waiting for a token that the application stops. */
    public DeliveryGate(IntakeGate gate, ExpressChatCircuit circuit, TokenSource tokens, BooleanSupplier stopping) {
        this.gate = gate;
        this.circuit = circuit;
        this.tokens = tokens;
        this.stopping = stopping;
    }

    /**
     * Admits one attempt and returns its Authorization header; throws when the batch must be dead-lettered
     * without a call, or was held and not sent.
     */
    public String authorize() throws NotSentException {
        IntakeGate.Pause pause = gate.pause();
        if (pause != null && !pause.reason().holds()) {
            throw new NotSentException(pause.reason());
        }
        if (!circuit.permitsCall()) {
            throw new NotSentException(IntakeGate.Reason.EXPRESS_CHAT_FAILING);
        }
        return "Bearer " + awaitToken();
    }

    private String awaitToken() throws NotSentException {
        Optional<String> token = tokens.current();
        while (token.isEmpty()) {
            gate.pause(IntakeGate.Reason.TOKEN_MISSING);
            if (stopping.getAsBoolean()) {
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
