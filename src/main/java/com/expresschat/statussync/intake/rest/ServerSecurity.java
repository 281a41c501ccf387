package com.expresschat.statussync.intake.rest;

import java.time.Clock;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;

/**
 * Secures the embedded server before it starts: refuses plaintext in prod and checks camel.ssl.* ({@link ServerTls}),
 * binds its Vert.x without h2c and with the client authentication asked for ({@link EmbeddedServerVertx}), checks JWT
 * issuer and audience ({@link JwtIssuerAudience}) and counts failed logins ({@link LoginFailures}).
 */
public final class ServerSecurity {

    private ServerSecurity() {
    }

    /** {@code loginFailures} counts each request refused by authentication, by reason ("refused", "missing"). */
    public static void apply(CamelContext context, String profile, Consumer<String> loginFailures, Clock clock)
            throws Exception {
        new JwtIssuerAudience(context).apply(profile);
        MainHttpServer server = context.hasService(MainHttpServer.class);
        if (server != null) {
            new LoginFailures(loginFailures, clock).watch(server.getConfiguration().getAuthenticationConfig());
        }
        EmbeddedServerVertx.bind(context, new ServerTls(context).verify(profile));
    }
}
