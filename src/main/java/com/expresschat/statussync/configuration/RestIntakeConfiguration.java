package com.expresschat.statussync.configuration;

import java.time.Clock;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.intake.rest.AnswerWriter;
import com.expresschat.statussync.intake.rest.ApiAccessCheck;
import com.expresschat.statussync.intake.rest.ApiAuthentication;
import com.expresschat.statussync.intake.rest.ApiDocumentEdits;
import com.expresschat.statussync.intake.rest.ApiDocumentFactory;
import com.expresschat.statussync.intake.rest.ApiErrorAnswers;
import com.expresschat.statussync.intake.rest.AsyncInbox;
import com.expresschat.statussync.intake.rest.BodyLimit;
import com.expresschat.statussync.intake.rest.HttpAnswer;
import com.expresschat.statussync.intake.rest.InboundHeaders;
import com.expresschat.statussync.intake.rest.ProblemAnswer;
import com.expresschat.statussync.intake.rest.ReceiptAnswer;
import com.expresschat.statussync.intake.rest.ReceiptLookup;
import com.expresschat.statussync.intake.rest.RestIntake;
import com.expresschat.statussync.intake.rest.RestRequestReader;
import com.expresschat.statussync.intake.rest.EmbeddedServerSetup;
import com.expresschat.statussync.pause.IntakeGate;
import com.expresschat.statussync.pause.OpenIntake;
import com.expresschat.statussync.storage.Folders;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Secures the embedded server ({@link EmbeddedServerSetup}: TLS, no h2c, JWT claims, failed logins), then binds the beans
 * the REST intake's routes refer to (routes/rest-intake.camel.yaml), the OpenAPI document's factory,
 * and the server's error answers under /api ({@link ApiErrorAnswers}). Whether it may start open is
 * {@link StartupChecks}' question ({@link ApiAccessCheck}); what a crash left of bodies being stored is
 * {@link CrashRecovery}'s.
 */
public final class RestIntakeConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(RestIntakeConfiguration.class);

    private RestIntakeConfiguration() {
    }

    /** {@code loginFailures} counts each request refused by authentication, by reason ("refused", "missing"). */
    static void configure(CamelContext context, String profile, Settings.Rest settings, Folders folders,
            IntakeGate gate, AsyncInbox asyncInbox, ObjectMapper json, Consumer<String> loginFailures, Clock clock)
            throws Exception {
        Registry registry = context.getRegistry();
        // camel-platform-http-vertx takes the Vert.x instance it finds in the registry
        registry.bind("embeddedServerVertx", EmbeddedServerSetup.apply(context, profile,
                settings.server(), settings.workerThreads(), json, loginFailures, clock));
        HttpAnswer answer = new HttpAnswer(json);
        ApiAuthentication authentication = ApiAuthentication.from(settings.server());
        registry.bind("apiDocumentFactory", new ApiDocumentFactory(new ApiDocumentEdits(authentication), json));
        ApiErrorAnswers errorAnswers = new ApiErrorAnswers(authentication, new BodyLimit(settings.maxBodySize()), json);
        // the embedded server's router exists once the server has started, before the routes take requests
        context.addStartupListener((started, alreadyStarted) -> {
            if (!errorAnswers.install(started)) {
                LOG.debug("No embedded HTTP server: the API's error answers are not installed");
            }
        });
        registry.bind("inboundHeaders", new InboundHeaders());
        registry.bind("openIntake", new OpenIntake(gate, settings.retryAfterSeconds()));
        registry.bind("restRequestReader", new RestRequestReader(settings.maxBodySize()));
        registry.bind("restIntake", new RestIntake());
        registry.bind("asyncInbox", asyncInbox);
        registry.bind("receiptAnswer", new ReceiptAnswer(answer));
        registry.bind("receiptLookup", new ReceiptLookup(folders, answer));
        registry.bind("problemAnswer", new ProblemAnswer(answer));
        registry.bind("answerWriter", new AnswerWriter());
    }
}
