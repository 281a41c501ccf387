package com.expresschat.statussync.intake.rest;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The answers under /api that the embedded server (Vert.x) gives before a request reaches a route, made to match
 * the OpenAPI document: problem+json for 401, 404, 405 (with {@code Allow}) and 413 instead of Vert.x's text or HTML,
 * and 401 with a challenge for a malformed credential ({@code Basic} with a bad value, an empty {@code Bearer}),
 * which Vert.x's authentication handler answers 400. Installed on the platform-http router once it exists.
 */
public final class ApiErrorAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorAnswers.class);
    static final String API_PATHS = "/api/*";

    private final ApiAuthentication authentication;
    private final BodyLimit bodyLimit;
    private final ObjectMapper json;
    private Router router;

    public ApiErrorAnswers(ApiAuthentication authentication, BodyLimit bodyLimit, ObjectMapper json) {
        this.authentication = authentication;
        this.bodyLimit = bodyLimit;
        this.json = json;
    }

    /** Adds the handlers to the embedded server's router; false when there is no such server. */
    public boolean install(CamelContext context) {
        MainHttpServer server = context.hasService(MainHttpServer.class);
        router = server == null ? null : server.getRouter();
        if (router == null) {
            return false;
        }
        router.route(API_PATHS).failureHandler(this::failed);
        // last: after the authentication handler and every route of the API, for what none of them took
        router.route(API_PATHS).last().handler(this::unmatched);
        return true;
    }

    /** A request the server failed (authentication, body size): answered as a problem, anything else as Vert.x does. */
    private void failed(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status == 401) {
            // the authentication handler has set WWW-Authenticate already
            answer(ctx, Problem.of(401, "unauthorized", "Authentication required",
                    "no or wrong credentials; nothing of this request was taken"), Map.of());
        } else if (status == 400 && ctx.user() == null && authentication.scheme() != ApiAuthentication.Scheme.NONE) {
            // before authentication succeeded, only the authentication handler fails a request with 400
            answer(ctx, Problem.of(401, "unauthorized", "Authentication required",
                    "the Authorization header is malformed; nothing of this request was taken"),
                    Map.of("WWW-Authenticate", authentication.challenge()));
        } else if (status == 413) {
            answer(ctx, bodyLimit.tooLarge().problem(), Map.of());
        } else {
            ctx.next();
        }
    }

    /** No route of the API took the request: 405 when its path has routes for other methods, else 404. */
    private void unmatched(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        Set<String> allowed = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            if (route.methods() != null && route.getPath() != null && template(route.getPath()).matcher(path).matches()) {
                route.methods().stream().map(HttpMethod::name).forEach(allowed::add);
            }
        }
        if (allowed.isEmpty()) {
            answer(ctx, Problem.of(404, "not-found", "Not found", "no resource of this API at " + path), Map.of());
        } else {
            answer(ctx, Problem.of(405, "method-not-allowed", "Method not allowed",
                    ctx.request().method().name() + " is not allowed on " + path + "; allowed: " + String.join(", ", allowed)),
                    Map.of("Allow", String.join(", ", allowed)));
        }
    }

    /** A Vert.x route path ({@code /a/:name}, a trailing {@code *}) as a pattern of the paths it matches. */
    static Pattern template(String routePath) {
        StringBuilder regex = new StringBuilder();
        for (String part : routePath.split("(?=/)")) {
            if (part.startsWith("/:")) {
                regex.append("/[^/]+");
            } else if (part.endsWith("*")) {
                regex.append(Pattern.quote(part.substring(0, part.length() - 1))).append(".*");
            } else {
                regex.append(Pattern.quote(part));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private void answer(RoutingContext ctx, Problem problem, Map<String, String> headers) {
        if (ctx.response().ended()) {
            return;
        }
        try {
            byte[] body = json.writeValueAsBytes(problem);
            headers.forEach(ctx.response()::putHeader);
            ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(Buffer.buffer(body));
        } catch (JsonProcessingException e) {
            LOG.error("Could not write a {} problem", problem.status(), e);
            ctx.response().setStatusCode(problem.status()).end();
        }
    }
}
