package com.expresschat.statussync.intake.rest;

import java.util.Map;

/** A request the REST intake refuses with a problem answer (404, 413, 415, 503): nothing of it is taken. */
public class RestProblem extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    RestProblem(int status, String kind, String title, String detail) {
        this(status, kind, title, detail, Map.of());
    }

    private RestProblem(int status, String kind, String title, String detail, Map<String, String> headers) {
        super(status + " " + detail, null, false, false);
        this.problem = Problem.of(status, kind, title, detail);
        this.headers = headers;
    }

    static RestProblem notFound(String detail) {
        return new RestProblem(404, "not-found", "No such receipt", detail);
    }

    /** Intake is paused (§6): the client may try again after the given number of seconds. */
    public static RestProblem paused(String why, long retryAfterSeconds) {
        return new RestProblem(503, "intake-paused", "Intake is paused", why + "; nothing of this request was taken, "
                + "send it again later", Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    public Problem problem() {
        return problem;
    }

    /** Headers the answer carries besides the problem (Retry-After). */
    public Map<String, String> headers() {
        return headers;
    }
}
