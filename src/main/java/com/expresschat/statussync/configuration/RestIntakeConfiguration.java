package com.expresschat.statussync.configuration;

import org.apache.camel.spi.Registry;

import com.expresschat.statussync.intake.rest.ApiAccessCheck;
import com.expresschat.statussync.intake.rest.AsyncInbox;
import com.expresschat.statussync.intake.rest.HttpAnswer;
import com.expresschat.statussync.intake.rest.InboundHeaders;
import com.expresschat.statussync.intake.rest.ProblemAnswer;
import com.expresschat.statussync.intake.rest.ReceiptAnswer;
import com.expresschat.statussync.intake.rest.ReceiptLookup;
import com.expresschat.statussync.intake.rest.RestIntake;
import com.expresschat.statussync.intake.rest.RestRequestReader;
import com.expresschat.statussync.pause.IntakeGate;
import com.expresschat.statussync.pause.OpenIntake;
import com.expresschat.statussync.storage.Folders;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Binds the beans the REST intake's routes refer to (routes/rest-intake.camel.yaml). Whether it may start open is
 * {@link StartupChecks}' question ({@link ApiAccessCheck}); what a crash left of bodies being stored is
 * {@link CrashRecovery}'s.
 */
public final class RestIntakeConfiguration {

    private RestIntakeConfiguration() {
    }

    static void configure(Registry registry, Settings.Rest settings, Folders folders, IntakeGate gate,
            AsyncInbox asyncInbox, ObjectMapper json) {
        HttpAnswer answer = new HttpAnswer(json);
        registry.bind("inboundHeaders", new InboundHeaders());
        registry.bind("openIntake", new OpenIntake(gate, settings.retryAfterSeconds()));
        registry.bind("restRequestReader", new RestRequestReader(settings.maxBodySize()));
        registry.bind("restIntake", new RestIntake());
        registry.bind("asyncInbox", asyncInbox);
        registry.bind("receiptAnswer", new ReceiptAnswer(answer));
        registry.bind("receiptLookup", new ReceiptLookup(folders, answer));
        registry.bind("problemAnswer", new ProblemAnswer(answer));
    }
}
