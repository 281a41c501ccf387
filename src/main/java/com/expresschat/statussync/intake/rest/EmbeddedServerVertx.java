package com.expresschat.statussync.intake.rest;

import org.apache.camel.CamelContext;
import org.apache.camel.support.LifecycleStrategySupport;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.impl.VertxWrapper;

/**
 * The Vert.x instance of the embedded server (camel-platform-http-vertx takes the one in the registry). Camel 4.18
 * builds the server's {@link HttpServerOptions} itself and applies only the key and trust managers of camel.ssl.*:
 * it leaves HTTP/2 over cleartext (h2c) on, which nobody asked for, and drops camel.ssl.clientAuthentication. Every
 * HTTP server made here therefore gets h2c off and the client authentication of the settings.
 *
 * <p>Its worker pool is sized by statussync.rest.worker-threads (Vert.x's default is 20): a synchronous REST post
 * holds one worker thread for as long as its input is delivered, and health and metrics are answered on the same
 * pool (Camel's management routes are blocking handlers), so the pool must outnumber the posts that may wait at once.
 */
final class EmbeddedServerVertx extends VertxWrapper {

    private final ClientAuth clientAuth;

    EmbeddedServerVertx(ClientAuth clientAuth, int workerThreads) {
        super((VertxInternal) Vertx.vertx(new VertxOptions().setWorkerPoolSize(workerThreads)));
        this.clientAuth = clientAuth;
    }

    /**
     * The instance for the embedded server to find in the registry when it starts (bound as "embeddedServerVertx");
     * Camel closes only a Vert.x it made itself, so this one is closed once the context has stopped (its servers
     * are closed by then).
     */
    static EmbeddedServerVertx forContext(CamelContext context, ClientAuth clientAuth, int workerThreads) {
        EmbeddedServerVertx vertx = new EmbeddedServerVertx(clientAuth, workerThreads);
        context.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopped(CamelContext stopped) {
                vertx.close();
            }
        });
        return vertx;
    }

    @Override
    public HttpServer createHttpServer(HttpServerOptions options) {
        return super.createHttpServer(harden(new HttpServerOptions(options)));
    }

    @Override
    public HttpServer createHttpServer() {
        return createHttpServer(new HttpServerOptions());
    }

    HttpServerOptions harden(HttpServerOptions options) {
        return options.setHttp2ClearTextEnabled(false).setClientAuth(clientAuth);
    }
}
