package com.expresschat.statussync.intake.rest;

import java.io.ByteArrayInputStream;

import org.apache.camel.Exchange;

import com.expresschat.statussync.intake.Input;

/** Turns a synchronous REST request into an {@link Input} for the pipeline (direct:process-input). */
public class RestIntake {

    public static final String SOURCE = "rest";

    public Input toInput(Exchange exchange) {
        RestRequest request = exchange.getProperty(RestRequest.PROPERTY, RestRequest.class);
        byte[] body = request.body();
        return new Input(RestInputNames.newName(request.format()), SOURCE, request.format(),
                () -> new ByteArrayInputStream(body));
    }
}
