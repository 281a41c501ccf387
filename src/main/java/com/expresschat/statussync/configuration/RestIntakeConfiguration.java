package com.expresschat.statussync.configuration;

import com.expresschat.statussync.intake.rest.ApiAccessCheck;
import com.expresschat.statussync.intake.rest.AsyncInbox;
import com.expresschat.statussync.intake.rest.HttpAnswer;
import com.expresschat.statussync.intake.rest.InboundHeaders;
import com.expresschat.statussync.pause.OpenIntake;
import com.expresschat.statussync.intake.rest.ProblemAnswer;
import com.expresschat.statussync.intake.rest.ReceiptAnswer;
import com.expresschat.statussync.intake.rest.ReceiptLookup;
import com.expresschat.statussync.intake.rest.RestIntake;
import com.expresschat.statussync.intake.rest.RestRequestReader;
import com.expresschat.statussync.intake.rest.RestSettings;

import java.io.IOException;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

import com.expresschat.statussync.pause.IntakeGate;
import com.expresschat.statussync.storage.Folders;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sets up the REST intake (routes/rest-intake.camel.yaml): checks that it is not served open by mistake
 * ({@link ApiAccessCheck}), removes what a crash left of bodies being stored, then binds the beans its routes
 * refer to.
 */
public final class RestIntakeConfiguration {

    private RestIntakeConfiguration() {
    }

    public static void configure(CamelContext context, String profile, Folders folders, IntakeGate gate,
            ObjectMapper json) throws IOException {
        RestSettings settings = RestSettings.from(context.getPropertiesComponent());
        new ApiAccessCheck(context).verify(profile, settings.allowAnonymous());

        HttpAnswer answer = new HttpAnswer(json);
        Registry registry = context.getRegistry();
        registry.bind("inboundHeaders", new InboundHeaders());
        registry.bind("openIntake", new OpenIntake(gate, settings.retryAfter()));
        registry.bind("restRequestReader", new RestRequestReader(settings.maxBodySize()));
        registry.bind("restIntake", new RestIntake());
        AsyncInbox asyncInbox = new AsyncInbox(folders, answer);
        asyncInbox.removeUnfinished();
        registry.bind("asyncInbox", asyncInbox);
        registry.bind("receiptAnswer", new ReceiptAnswer(answer));
        registry.bind("receiptLookup", new ReceiptLookup(folders, answer));
        registry.bind("problemAnswer", new ProblemAnswer(answer));
    }
}
