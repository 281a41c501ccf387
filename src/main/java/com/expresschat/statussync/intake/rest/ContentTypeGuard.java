package com.expresschat.statussync.intake.rest;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.main.MainHttpServer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers 415 problem+json to a request whose Content-Type cannot be parsed, on every path of the embedded server,
 * before anything else reads it. Camel's platform-http consumer asks Vert.x for the header's charset parameter, and
 * Vert.x's header parser fails on an unterminated quoted parameter ({@code text/plain; x="}: a
 * StringIndexOutOfBoundsException in HeaderParser.unquote), which the router answers 500 with a plain-text body, on
 * the intake, a receipt or the OpenAPI document alike. This handler asks the same parser first.
 */
final class ContentTypeGuard implements Handler<RoutingContext> {

    private final byte[] problem;

    private ContentTypeGuard(ObjectMapper json) throws JsonProcessingException {
        this.problem = json.writeValueAsBytes(RequestContentType.malformed().problem());
    }

    /** Puts the guard first on the embedded server's router once it is up. */
    static void install(CamelContext context, ObjectMapper json) throws Exception {
        ContentTypeGuard guard = new ContentTypeGuard(json);
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                MainHttpServer server = started.hasService(MainHttpServer.class);
                if (server != null && server.getRouter() != null) {
                    server.getRouter().route().order(Integer.MIN_VALUE).handler(guard);
                }
            }
        });
    }

    @Override
    public void handle(RoutingContext routing) {
        if (routing.request().getHeader("Content-Type") != null) {
            try {
                routing.parsedHeaders().contentType().parameter("charset");
            } catch (RuntimeException unparsable) {
                routing.response().setStatusCode(415).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end(Buffer.buffer(problem));
                return;
            }
        }
        routing.next();
    }
}
