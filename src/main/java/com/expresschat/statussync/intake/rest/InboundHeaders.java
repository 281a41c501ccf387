package com.expresschat.statussync.intake.rest;

import java.util.Locale;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * Which request headers of the REST API enter the exchange: only those the intake reads (Content-Type,
 * Content-Length, Prefer). Everything else of the request, other headers and query parameters alike, stays out,
 * so it can neither leak into the outbound call nor be echoed in an answer (the OpenAPI document's route, which
 * Camel generates, would otherwise send them back). The OpenAPI document's route alone also reads Accept (JSON or
 * YAML, see {@link ApiDocumentFactory}). Answers are filtered as usual (no Camel* headers).
 */
public class InboundHeaders extends HttpHeaderFilterStrategy {

    private static final Set<String> READ = Set.of("content-type", "content-length", "prefer");
    /** The path of the OpenAPI document (contextPath + apiContextPath in routes/rest-intake.camel.yaml). */
    static final String DOCUMENT_PATH = "/api/v1/openapi.json";

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        if (headerName == null) {
            return true;
        }
        String name = headerName.toLowerCase(Locale.ROOT);
        boolean documentAccept = name.equals("accept")
                && exchange.getFromEndpoint() instanceof PlatformHttpEndpoint endpoint
                && DOCUMENT_PATH.equals(endpoint.getPath());
        return !READ.contains(name) && !documentAccept;
    }
}
