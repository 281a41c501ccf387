package com.expresschat.statussync.intake.rest;


import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

import com.expresschat.statussync.Secrets;
import com.expresschat.statussync.failure.IntakeGate;
import com.expresschat.statussync.outcome.Folders;
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
            ObjectMapper json, Secrets secrets) throws Exception {
        RestSettings settings = RestSettings.from(context.getPropertiesComponent());
        new ApiAccessCheck(context).verify(profile, settings.allowAnonymous(), secrets);
        ContentTypeGuard.install(context, json);

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
