package com.expresschat.statussync.operations;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import com.expresschat.statussync.pause.IntakeGate;
import com.expresschat.statussync.storage.FolderUnusableException;
import com.expresschat.statussync.storage.Folders;

/**
 * Readiness (§7): not ready while intake is paused (express-chat failing, token refused) or while done/ or
 * error/ cannot take files, with the reason in the health body. Liveness is Camel's own: a paused intake is
 * still alive and resumes by itself, so restarting the process would not help.
 */
public class IntakeReadinessCheck extends AbstractHealthCheck {

    private final IntakeGate gate;
    private final Folders folders;

    public IntakeReadinessCheck(IntakeGate gate, Folders folders) {
        super("statussync", "intake");
        this.gate = gate;
        this.folders = folders;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        IntakeGate.Pause pause = gate.pause();
        if (pause != null) {
            builder.down().message("intake paused: " + pause.reason().description())
                    .detail("reason", pause.reason().name())
                    .detail("since", pause.since().toString());
            return;
        }
        try {
            folders.checkUsable();
            builder.up();
        } catch (FolderUnusableException e) {
            builder.down().message(e.getMessage());
        }
    }
}
