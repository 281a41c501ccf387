package com.expresschat.statussync.pause;

import org.apache.camel.Consumer;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;

/**
 * The RoutePolicy of the file intake route (routePolicy in routes/file-intake.camel.yaml): while intake is paused
 * its consumer is suspended, so files stay in the inbox, and it is resumed with intake; as Camel's own
 * ThrottlingExceptionRoutePolicy does. Suspending the consumer (not the route) stops new polls without waiting for
 * the input in flight, so it is safe on any thread, the delivery thread that opened the circuit included.
 */
public class IntakePausePolicy extends RoutePolicySupport implements IntakeGate.Listener {

    private final IntakeGate gate;
    private volatile Route route;

    public IntakePausePolicy(IntakeGate gate) {
        this.gate = gate;
        gate.addListener(this);
    }

    @Override
    public void onStart(Route route) {
        this.route = route;
        IntakeGate.Pause pause = gate.pause();
        if (pause != null && !pause.reason().holds()) {
            paused();
        }
    }

    @Override
    public void onStop(Route route) {
        this.route = null;
    }

    @Override
    public void paused() {
        withConsumer(this::suspendOrStopConsumer);
    }

    @Override
    public void resumed() {
        withConsumer(this::resumeOrStartConsumer);
    }

    private interface ConsumerControl {
        void apply(Consumer consumer) throws Exception;
    }

    private void withConsumer(ConsumerControl control) {
        Route current = route;
        if (current == null) {
            return; // not started yet: onStart suspends it if intake is paused by then
        }
        try {
            control.apply(current.getConsumer());
        } catch (Exception e) {
            handleException(e);
        }
    }
}
