package com.expresschat.statussync.intake.rest;

import java.time.Clock;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;

/**
 * Shapes the embedded server before it starts: refuses plaintext in prod and checks camel.ssl.* ({@link ServerTls}),
 * gives it a Vert.x without h2c, with the client authentication asked for and a worker pool of its own size
 * ({@link EmbeddedServerVertx}), checks JWT
 * issuer and audience ({@link JwtIssuerAudience}), counts failed logins ({@link LoginFailures}) and answers a
 * Content-Type it cannot parse with 415 before anything else reads it ({@link ContentTypeGuard}).
 */
public final class EmbeddedServerSetup {

    private EmbeddedServerSetup() {
    }

    /**
     * Returns the Vert.x instance the embedded server must use (to be bound as "embeddedServerVertx").
     * {@code workerThreads}: see {@link EmbeddedServerVertx}; {@code loginFailures} counts each request refused by
     * authentication, by reason ("refused", "missing").
     */
    public static Vertx apply(CamelContext context, String profile, ServerSettings settings, int workerThreads,
            ObjectMapper json, Consumer<String> loginFailures, Clock clock) throws Exception {
        new JwtIssuerAudience(context, settings).apply(profile);
        MainHttpServer server = context.hasService(MainHttpServer.class);
        if (server != null) {
            new LoginFailures(loginFailures, clock).watch(server.getConfiguration().getAuthenticationConfig());
        }
        ContentTypeGuard.install(context, json);
        return EmbeddedServerVertx.forContext(context, new ServerTls(context, settings).verify(profile), workerThreads);
    }
}
