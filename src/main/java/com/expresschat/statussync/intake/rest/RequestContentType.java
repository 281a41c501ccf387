package com.expresschat.statussync.intake.rest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.expresschat.statussync.intake.InputFormat;

/** The input format a request's Content-Type names (§2), or a 415 problem: inputs are UTF-8 text of a known format. */
final class RequestContentType {

    static final String ACCEPTED = "application/json, text/plain, text/csv, application/x-ndjson (UTF-8)";
    private static final Pattern CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)",
            Pattern.CASE_INSENSITIVE);

    private RequestContentType() {
    }

    static InputFormat formatOf(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("the request has no Content-Type; accepted: " + ACCEPTED);
        }
        InputFormat format = InputFormat.fromContentType(contentType)
                .orElseThrow(() -> unsupported("Content-Type " + contentType + " is not accepted; accepted: " + ACCEPTED));
        Matcher charset = CHARSET.matcher(contentType);
        if (charset.find() && !charset.group(1).toLowerCase(Locale.ROOT).matches("utf-?8")) {
            throw unsupported("charset " + charset.group(1) + " is not accepted: bodies are UTF-8");
        }
        return format;
    }

    /** A Content-Type that cannot even be parsed (e.g. a quoted parameter that is not closed). */
    static RestProblem malformed() {
        return unsupported("the Content-Type header cannot be parsed (is a quoted parameter left open?); accepted: "
                           + ACCEPTED);
    }

    private static RestProblem unsupported(String detail) {
        return new RestProblem(415, "unsupported-media-type", "Unsupported media type", detail);
    }
}
