package com.expresschat.statussync.intake.rest;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Makes the {@link Answer}s of REST requests: JSON bodies and problem+json (RFC 9457). */
public class HttpAnswer {

    static final String JSON = "application/json";

    private final ObjectMapper json;

    public HttpAnswer(ObjectMapper json) {
        this.json = json;
    }

    public Answer json(int status, Object body) throws JsonProcessingException {
        return json(status, body, Map.of());
    }

    public Answer json(int status, Object body, Map<String, String> headers) throws JsonProcessingException {
        return new Answer(status, JSON, json.writeValueAsBytes(body), headers);
    }

    public Answer problem(Problem problem) throws JsonProcessingException {
        return problem(problem, Map.of());
    }

    public Answer problem(Problem problem, Map<String, String> headers) throws JsonProcessingException {
        return new Answer(problem.status(), Problem.MEDIA_TYPE, json.writeValueAsBytes(problem), headers);
    }

    /** An answer whose body is JSON already (a receipt read from disk). */
    public Answer jsonBytes(int status, byte[] body) {
        return new Answer(status, JSON, body, Map.of());
    }
}
