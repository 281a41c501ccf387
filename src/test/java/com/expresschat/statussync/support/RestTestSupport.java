package com.expresschat.statussync.support;

/** A {@link StatusSyncTestSupport} with a real HTTP client of the REST intake on the embedded server's random port. */
public abstract class RestTestSupport extends StatusSyncTestSupport {

    private RestClient rest;

    protected RestClient rest() {
        if (rest == null) {
            rest = new RestClient(context.resolvePropertyPlaceholders("{{camel.server.port}}"));
        }
        return rest;
    }
}
