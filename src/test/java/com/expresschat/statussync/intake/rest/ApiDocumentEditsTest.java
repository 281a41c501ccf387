package com.expresschat.statussync.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.intake.rest.ApiAuthentication.Scheme;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ApiDocumentEditsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What Camel generates: one schema for every media type, both produced types on every answer, every scheme. */
    private static final String GENERATED = """
            {"paths": {"/x": {"post": {
               "requestBody": {"content": {
                 "application/json": {"schema": {"$ref": "#/components/schemas/StatusUpdate"}},
                 "text/csv": {"schema": {"$ref": "#/components/schemas/StatusUpdate"}}}},
               "responses": {
                 "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Receipt"}},
                                     "application/problem+json": {"schema": {"$ref": "#/components/schemas/Receipt"}}}},
                 "401": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}},
                                     "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
             "components": {"securitySchemes": {"basicAuth": {"scheme": "basic"}, "bearerAuth": {"scheme": "bearer"}}},
             "security": [{"basicAuth": []}, {"bearerAuth": []}]}
            """;

    @Test
    void givesEachMediaTypeItsSchemaAndEachAnswerItsServedType() throws Exception {
        ObjectNode edited = edit(Scheme.BASIC);

        assertThat(edited.at("/paths/~1x/post/requestBody/content/application~1json/schema").toString()).isEqualTo(
                "{\"oneOf\":[{\"$ref\":\"#/components/schemas/StatusUpdate\"},"
                + "{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/StatusUpdate\"}}]}");
        assertThat(edited.at("/paths/~1x/post/requestBody/content/text~1csv/schema").toString())
                .isEqualTo("{\"type\":\"string\"}");
        assertThat(edited.at("/paths/~1x/post/responses/200/content").fieldNames()).toIterable()
                .containsExactly("application/json");
        assertThat(edited.at("/paths/~1x/post/responses/401/content").fieldNames()).toIterable()
                .containsExactly("application/problem+json");
    }

    @Test
    void keepsOnlyTheSchemeTheServerHas() throws Exception {
        assertThat(edit(Scheme.BASIC).at("/components/securitySchemes").fieldNames()).toIterable().containsExactly("basicAuth");
        assertThat(edit(Scheme.BASIC).path("security").toString()).isEqualTo("[{\"basicAuth\":[]}]");
        assertThat(edit(Scheme.JWT).at("/components/securitySchemes").fieldNames()).toIterable().containsExactly("bearerAuth");
        assertThat(edit(Scheme.JWT).path("security").toString()).isEqualTo("[{\"bearerAuth\":[]}]");

        ObjectNode open = edit(Scheme.NONE);
        assertThat(open.has("security")).isFalse();
        assertThat(open.path("components").has("securitySchemes")).isFalse();
    }

    private static ObjectNode edit(Scheme scheme) throws Exception {
        return new ApiDocumentEdits(new ApiAuthentication(scheme, "r")).apply((ObjectNode) JSON.readTree(GENERATED));
    }
}
