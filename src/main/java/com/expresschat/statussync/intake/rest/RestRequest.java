package com.expresschat.statussync.intake.rest;

import com.expresschat.statussync.intake.InputFormat;

/**
 * What the pipeline takes from a POSTed request: its body, the format named by its Content-Type, and whether
 * the client asked to be answered before processing ({@code Prefer: respond-async}). Nothing else of the
 * request (headers, query) is kept, so nothing else can reach express-chat.
 */
public record RestRequest(InputFormat format, byte[] body, boolean respondAsync) {

    /** The exchange property holding the request. */
    public static final String PROPERTY = "statusSyncRestRequest";

    @Override
    public String toString() {
        return "RestRequest[" + format + ", " + body.length + " bytes" + (respondAsync ? ", async" : "") + "]";
    }
}
