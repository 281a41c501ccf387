package com.expresschat.statussync.intake.rest;

import java.time.Clock;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.spi.Registry;

import com.expresschat.statussync.failure.IntakeGate;
import com.expresschat.statussync.outcome.Folders;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up the REST intake (routes/rest-intake.camel.yaml): checks that it is not served open by mistake
 * ({@link ApiAccessCheck}) nor over plaintext in prod ({@link ServerTls}), shapes the embedded server
 * ({@link EmbeddedServerVertx}: no h2c, the client authentication of camel.ssl.*), checks JWT issuer and audience
 * ({@link JwtIssuerAudience}), counts and logs failed logins ({@link LoginFailures}), removes what a crash left of
 * bodies being stored, then binds the beans its routes refer to, the OpenAPI document's factory, and the server's
 * error answers under /api ({@link ApiErrorAnswers}).
 */
public final class RestIntakeConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(RestIntakeConfiguration.class);

    private RestIntakeConfiguration() {
    }

    /** {@code loginFailures} counts each request refused by authentication, by reason ("refused", "missing"). */
    public static void configure(CamelContext context, String profile, Folders folders, IntakeGate gate,
            ObjectMapper json, Consumer<String> loginFailures, Clock clock) throws Exception {
        RestSettings settings = RestSettings.from(context.getPropertiesComponent());
        new ApiAccessCheck(context).verify(profile, settings.allowAnonymous());
        new JwtIssuerAudience(context).apply(profile);
        MainHttpServer server = context.hasService(MainHttpServer.class);
        if (server != null) {
            new LoginFailures(loginFailures, clock).watch(server.getConfiguration().getAuthenticationConfig());
        }
        EmbeddedServerVertx.bind(context, new ServerTls(context).verify(profile));

        HttpAnswer answer = new HttpAnswer(json);
        Registry registry = context.getRegistry();
        ApiAuthentication authentication = ApiAuthentication.from(context.getPropertiesComponent());
        registry.bind("apiDocumentFactory", new ApiDocumentFactory(new ApiDocumentEdits(authentication), json));
        ApiErrorAnswers errorAnswers = new ApiErrorAnswers(authentication, new BodyLimit(settings.maxBodySize()), json);
        // the embedded server's router exists once the server has started, before the routes take requests
        context.addStartupListener((started, alreadyStarted) -> {
            if (!errorAnswers.install(started)) {
                LOG.debug("No embedded HTTP server: the API's error answers are not installed");
            }
        });
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
