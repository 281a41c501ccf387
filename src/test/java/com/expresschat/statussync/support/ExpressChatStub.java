package com.expresschat.statussync.support;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** express-chat played by WireMock over real HTTP. */
public final class ExpressChatStub {

    public static final String PATH = "/inbox/users/status-update";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockExtension server;

    public ExpressChatStub(WireMockExtension server) {
        this.server = server;
    }

    public String url() {
        return server.baseUrl() + PATH;
    }

    /** Every PUT is accepted. */
    public void acceptAll() {
        server.stubFor(statusUpdate().willReturn(okJson("{\"updated\":true}")));
    }

    public static MappingBuilder statusUpdate() {
        return put(urlEqualTo(PATH));
    }

    public void stubFor(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    public List<LoggedRequest> requests() {
        return server.findAll(putRequestedFor(urlEqualTo(PATH)));
    }

    /** The JSON bodies of the PUTs received, in arrival order. */
    public List<JsonNode> bodies() {
        return requests().stream().map(r -> read(r.getBodyAsString())).toList();
    }

    /** All IDs received, over all PUTs. */
    public List<String> receivedIds() {
        List<String> ids = new ArrayList<>();
        bodies().forEach(body -> body.get("ids").forEach(id -> ids.add(id.asText())));
        return ids;
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
