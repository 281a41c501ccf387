package com.expresschat.statussync.pause;

/**
 * The first step of every delivery attempt: while intake is paused or the circuit is open, the batch is
 * not sent but dead-lettered at once (§4: remaining batches are not hammered), with the pause's class.
 */
public class DeliveryGate {

    private final IntakeGate gate;
    private final ExpressChatCircuit circuit;

    public DeliveryGate(IntakeGate gate, ExpressChatCircuit circuit) {
        this.gate = gate;
        this.circuit = circuit;
    }

    /** Returns when the attempt may be made; throws when the batch must be dead-lettered without a call. */
    public void check() throws NotSentException {
        IntakeGate.Pause pause = gate.pause();
        if (pause != null) {
            throw new NotSentException(pause.reason());
        }
        if (!circuit.permitsCall()) {
            throw new NotSentException(IntakeGate.Reason.EXPRESS_CHAT_FAILING);
        }
    }
}
