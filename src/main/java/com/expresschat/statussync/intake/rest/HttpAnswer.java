package com.expresschat.statussync.intake.rest;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes the answer of a REST request. Every header the message still carries is dropped first: the
 * platform-http consumer copied the inbound request's headers into it, and they must not be echoed back.
 */
public class HttpAnswer {

    static final String JSON = "application/json";

    private final ObjectMapper json;

    public HttpAnswer(ObjectMapper json) {
        this.json = json;
    }

    public void json(Message message, int status, Object body) throws JsonProcessingException {
        json(message, status, body, Map.of());
    }

    public void json(Message message, int status, Object body, Map<String, String> headers)
            throws JsonProcessingException {
        send(message, status, JSON, json.writeValueAsBytes(body), headers);
    }

    public void problem(Message message, Problem problem) throws JsonProcessingException {
        problem(message, problem, Map.of());
    }

    public void problem(Message message, Problem problem, Map<String, String> headers) throws JsonProcessingException {
        send(message, problem.status(), Problem.MEDIA_TYPE, json.writeValueAsBytes(problem), headers);
    }

    /** An answer whose body is JSON already (a receipt read from disk). */
    public void jsonBytes(Message message, int status, byte[] body) {
        send(message, status, JSON, body, Map.of());
    }

    private static void send(Message message, int status, String contentType, byte[] body, Map<String, String> headers) {
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        headers.forEach(message::setHeader);
        message.setBody(body);
    }
}
