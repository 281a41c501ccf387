package com.expresschat.statussync.intake.rest;

/**
 * The largest request body the REST intake takes ({@code statussync.rest.max-body-size}), or a 413 problem.
 * The embedded server enforces the same limit while reading (camel.server.maxBodySize), so an oversized body is
 * normally refused before it is buffered; this check holds the product's limit should the two settings differ.
 */
public final class BodyLimit {

    private final long maxBytes;

    public BodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Checks the declared Content-Length (when there is one) and the body's actual size. */
    void check(String contentLength, long actualBytes) {
        if (declared(contentLength) > maxBytes || actualBytes > maxBytes) {
            throw tooLarge();
        }
    }

    /** The 413 problem, the same whether this check or the embedded server's own limit refused the body. */
    RestProblem tooLarge() {
        return new RestProblem(413, "body-too-large", "Request body too large",
                "the body is larger than the limit of " + maxBytes + " bytes (statussync.rest.max-body-size); "
                + "split the input, or drop it into the inbox as a file");
    }

    private static long declared(String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1; // the server parses Content-Length itself; the actual size is checked anyway
        }
    }
}
