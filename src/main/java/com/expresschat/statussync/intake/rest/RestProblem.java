package com.expresschat.statussync.intake.rest;

/** A request the REST intake refuses with a problem answer (415, 413, 404 ...): the client's to fix, not ours. */
public class RestProblem extends RuntimeException {

    private final transient Problem problem;

    RestProblem(int status, String kind, String title, String detail) {
        super(status + " " + detail, null, false, false);
        this.problem = Problem.of(status, kind, title, detail);
    }

    static RestProblem notFound(String detail) {
        return new RestProblem(404, "not-found", "No such receipt", detail);
    }

    public Problem problem() {
        return problem;
    }
}
