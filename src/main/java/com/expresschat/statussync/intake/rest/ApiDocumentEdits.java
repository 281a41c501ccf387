package com.expresschat.statussync.intake.rest;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the REST DSL cannot say in the OpenAPI document Camel generates from routes/rest-intake.camel.yaml and the
 * model types, said on its tree: each request media type with its own schema (application/json is the endpoint's
 * body or an array of them, the text formats are strings), each answer under the one media type it is served with
 * (a problem as application/problem+json, everything else as application/json), and only the security scheme the
 * embedded server really has.
 */
public final class ApiDocumentEdits {

    static final String JSON = "application/json";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PROBLEM_REF = SCHEMAS + "Problem";
    /** The security schemes of the REST DSL, by the scheme of the server they describe. */
    private static final Map<ApiAuthentication.Scheme, String> SECURITY_SCHEMES =
            Map.of(ApiAuthentication.Scheme.BASIC, "basicAuth", ApiAuthentication.Scheme.JWT, "bearerAuth");

    private final ApiAuthentication authentication;

    public ApiDocumentEdits(ApiAuthentication authentication) {
        this.authentication = authentication;
    }

    ObjectNode apply(ObjectNode document) {
        for (JsonNode path : document.path("paths")) {
            for (JsonNode operation : path) {
                requestBodyPerMediaType(operation.path("requestBody").path("content"));
                for (JsonNode response : operation.path("responses")) {
                    onlyTheServedMediaType(response.path("content"));
                }
            }
        }
        onlyTheConfiguredSecurity(document);
        return document;
    }

    /** JSON takes the endpoint's body or an array of bodies; every other input format is text. */
    private static void requestBodyPerMediaType(JsonNode content) {
        if (!(content instanceof ObjectNode media)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = media.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> type = it.next();
            ObjectNode mediaType = (ObjectNode) type.getValue();
            JsonNode body = mediaType.path("schema");
            if (type.getKey().equals(JSON) && body.has("$ref")) {
                ObjectNode schema = JsonNodeFactory.instance.objectNode();
                ArrayNode oneOf = schema.putArray("oneOf");
                oneOf.add(body.deepCopy());
                ObjectNode array = oneOf.addObject().put("type", "array");
                array.set("items", body.deepCopy());
                mediaType.set("schema", schema);
            } else {
                mediaType.set("schema", JsonNodeFactory.instance.objectNode().put("type", "string"));
            }
        }
    }

    /** Camel lists every produced media type for every answer; each answer is served with exactly one. */
    private static void onlyTheServedMediaType(JsonNode content) {
        if (!(content instanceof ObjectNode media)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = media.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> type = it.next();
            boolean problem = PROBLEM_REF.equals(type.getValue().path("schema").path("$ref").asText());
            if (problem != type.getKey().equals(Problem.MEDIA_TYPE)) {
                it.remove();
            }
        }
    }

    private void onlyTheConfiguredSecurity(ObjectNode document) {
        String configured = SECURITY_SCHEMES.get(authentication.scheme());
        JsonNode schemes = document.path("components").path("securitySchemes");
        if (schemes instanceof ObjectNode declared) {
            declared.retain(configured == null ? List.of() : List.of(configured));
            if (declared.isEmpty()) {
                ((ObjectNode) document.path("components")).remove("securitySchemes");
            }
        }
        document.remove("security");
        if (configured != null) {
            document.putArray("security").addObject().putArray(configured);
        }
    }
}
