package com.expresschat.statussync.pause;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.model.FailureClass;

/**
 * Whether intake takes new inputs (§6 "Pausing"). While express-chat keeps failing (circuit open) or rejects
 * the token, intake pauses: the file intake's consumer is suspended (files stay in the inbox), the REST intake
 * answers 503, batches still in the pipeline are dead-lettered without a call, and the health check says why.
 * The express-chat-probe route resumes intake once express-chat answers again.
 */
public class IntakeGate {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeGate.class);

    /** Why intake is paused. */
    public enum Reason {
        EXPRESS_CHAT_FAILING(FailureClass.TRANSIENT, "express-chat keeps failing (circuit open)", false),
        TOKEN_REJECTED(FailureClass.AUTH, "express-chat rejected the token (HTTP 401/403): fix the token", false),
        /**
         * A local configuration fault, not express-chat's: there is no token to send (token file missing, empty or
         * unreadable, and no good token read before). Batches wait for it (DeliveryGate), none is dead-lettered;
         * the file intake route is not suspended, since the input being held occupies it already.
         */
        TOKEN_MISSING(FailureClass.AUTH, "there is no express-chat token to send (see the token file): nothing is "
                                         + "sent, and the input waits until the token is back", true);

        private final FailureClass failureClass;
        private final String description;
        private final boolean holds;

        Reason(FailureClass failureClass, String description, boolean holds) {
            this.failureClass = failureClass;
            this.description = description;
            this.holds = holds;
        }

        /** True when batches wait for the cause to be fixed instead of being dead-lettered. */
        public boolean holds() {
            return holds;
        }

        /** The class batches are dead-lettered with while intake is paused for this reason. */
        public FailureClass failureClass() {
            return failureClass;
        }

        public String description() {
            return description;
        }
    }

    /** The pause in force: why and since when. */
    public record Pause(Reason reason, Instant since) {
    }

    /** An intake that stops taking inputs while paused (the file intake's {@link IntakePausePolicy}). */
    public interface Listener {
        void paused();

        void resumed();
    }

    private final Clock clock;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile Pause pause;

    public IntakeGate(Clock clock) {
        this.clock = clock;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public boolean isPaused() {
        return pause != null;
    }

    /** The pause in force, or null while intake is open. */
    public Pause pause() {
        return pause;
    }

    /** Pauses intake; a token problem replaces an outage as the reason, since only an operator can fix it. */
    public synchronized void pause(Reason reason) {
        Pause current = pause;
        if (current != null && (current.reason() == reason || current.reason() == Reason.TOKEN_REJECTED)) {
            return;
        }
        pause = new Pause(reason, clock.instant());
        LOG.error("Intake paused: {}. Files stay in the inbox; intake resumes by itself once {}", reason.description(),
                reason.holds() ? "the cause is fixed" : "express-chat answers a probe");
        if (!reason.holds() && (current == null || current.reason().holds())) {
            listeners.forEach(Listener::paused);
        }
    }

    public synchronized void resume() {
        if (pause == null) {
            return;
        }
        LOG.info("Intake resumed (paused since {} because {})", pause.since(), pause.reason().description());
        boolean suspended = !pause.reason().holds();
        pause = null;
        if (suspended) {
            listeners.forEach(Listener::resumed);
        }
    }

    /** Resumes intake if it is paused for this reason (and only then). */
    public synchronized void resume(Reason reason) {
        if (pause != null && pause.reason() == reason) {
            resume();
        }
    }
}
