package com.expresschat.statussync.intake.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig.AuthenticationConfigEntry;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig.AuthenticationHandlerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.auth.authentication.AuthenticationProvider;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.AuthenticationHandler;

/**
 * Failed logins on the REST API: every request the embedded server's authentication answers 401 is counted, as
 * {@code refused} (credentials sent but not accepted) or {@code missing}; a client address whose credentials are
 * refused is logged at WARN at most once a minute, with the number of refusals since. Neither the credentials nor the
 * Authorization header are ever logged.
 */
final class LoginFailures {

    private static final Logger LOG = LoggerFactory.getLogger(LoginFailures.class);
    static final String REFUSED = "refused";
    static final String MISSING = "missing";
    static final Duration LOG_EVERY = Duration.ofMinutes(1);
    /** Addresses remembered at most; beyond that, those not seen for a minute are forgotten. */
    private static final int MAX_ADDRESSES = 10_000;

    /** The failures of one address since its last log line. */
    private record Window(Instant loggedAt, int unlogged) {
    }

    private final Consumer<String> counter;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** {@code counter} takes the reason of each failure ({@link #REFUSED} or {@link #MISSING}). */
    LoginFailures(Consumer<String> counter, Clock clock) {
        this.counter = counter;
        this.clock = clock;
    }

    /** Has every authentication handler of the server report the requests it answers 401. */
    void watch(AuthenticationConfig config) {
        for (AuthenticationConfigEntry entry : config.getEntries()) {
            AuthenticationHandlerFactory original = entry.getAuthenticationHandlerFactory();
            entry.setAuthenticationHandlerFactory(new AuthenticationHandlerFactory() {
                @Override
                public <T extends AuthenticationProvider> AuthenticationHandler createAuthenticationHandler(T provider) {
                    AuthenticationHandler handler = original.createAuthenticationHandler(provider);
                    return context -> {
                        context.addHeadersEndHandler(ended -> reportIfRefused(context));
                        handler.handle(context);
                    };
                }
            });
        }
    }

    private void reportIfRefused(RoutingContext context) {
        if (context.failed() && context.statusCode() == 401) {
            failed(context.request().remoteAddress().hostAddress(),
                    context.request().headers().contains(HttpHeaders.AUTHORIZATION));
        }
    }

    /** One request from {@code address} answered 401; {@code withCredentials}: it sent an Authorization header. */
    void failed(String address, boolean withCredentials) {
        counter.accept(withCredentials ? REFUSED : MISSING);
        if (!withCredentials) {
            return; // a request without credentials is a challenge, not a failed login
        }
        Instant now = clock.instant();
        int[] unloggedBefore = {-1}; // set when this failure is to be logged: the failures not logged before it
        windows.compute(address, (key, last) -> {
            if (last == null || !now.isBefore(last.loggedAt().plus(LOG_EVERY))) {
                unloggedBefore[0] = last == null ? 0 : last.unlogged();
                return new Window(now, 0);
            }
            return new Window(last.loggedAt(), last.unlogged() + 1);
        });
        if (unloggedBefore[0] >= 0) {
            LOG.warn("REST login failed from {}: credentials refused{}", address, unloggedBefore[0] == 0 ? ""
                    : " (" + unloggedBefore[0] + " more refused from this address since the previous line)");
        }
        if (windows.size() > MAX_ADDRESSES) {
            windows.values().removeIf(w -> !now.isBefore(w.loggedAt().plus(LOG_EVERY)));
        }
    }
}
