package com.expresschat.statussync.operations;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import com.expresschat.statussync.credentials.TokenSource;
import com.expresschat.statussync.pause.IntakeGate;
import com.expresschat.statussync.storage.FolderUnusableException;
import com.expresschat.statussync.storage.Folders;

/**
 * Readiness (§7): not ready while intake is paused (express-chat failing, token refused, no token), while there is
 * no express-chat token to send, while the inbox cannot be read, or while done/ or error/ cannot take files, with the reason in the health body.
 * Notes that need an operator but do not stop intake are details of an UP answer: a token file that is broken
 * while the last good token is still in use, inbox entries that could be neither taken nor moved to error/.
 * Liveness is Camel's own: a paused intake is still alive and resumes by itself, so restarting would not help.
 */
public class IntakeReadinessCheck extends AbstractHealthCheck {

    private final IntakeGate gate;
    private final Folders folders;
    private final TokenSource tokens;
    private final Supplier<List<String>> stuckEntries;

    public IntakeReadinessCheck(IntakeGate gate, Folders folders, TokenSource tokens,
            Supplier<List<String>> stuckEntries) {
        super("statussync", "intake");
        this.gate = gate;
        this.folders = folders;
        this.tokens = tokens;
        this.stuckEntries = stuckEntries;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String tokenProblem = tokens.problem();
        IntakeGate.Pause pause = gate.pause();
        if (pause != null) {
            builder.down().message("intake paused: " + pause.reason().description()
                                   + (tokenProblem != null ? " (" + tokenProblem + ")" : ""))
                    .detail("reason", pause.reason().name())
                    .detail("since", pause.since().toString());
            return;
        }
        if (!tokens.isConfigured()) {
            builder.down().message("no express-chat token: " + tokenProblem + "; nothing is sent until it is fixed "
                                   + "(a local configuration fault, nothing is dead-lettered)")
                    .detail("reason", IntakeGate.Reason.TOKEN_MISSING.name());
            return;
        }
        // the file consumer's own check is off (it is DOWN until its first poll ends): the inbox is checked here
        if (!Files.isDirectory(folders.inbox()) || !Files.isReadable(folders.inbox())) {
            builder.down().message("the inbox " + folders.inbox() + " is not a folder the service can read");
            return;
        }
        try {
            folders.checkUsable();
        } catch (FolderUnusableException e) {
            builder.down().message(e.getMessage());
            return;
        }
        builder.up();
        if (tokenProblem != null) {
            builder.detail("token", tokenProblem + "; the last good token is in use");
        }
        List<String> stuck = stuckEntries.get();
        if (!stuck.isEmpty()) {
            builder.detail("inboxEntriesLeft", stuck.size() + " inbox entries could be neither taken nor moved to "
                                               + "error/: " + String.join(", ", stuck));
        }
    }
}
