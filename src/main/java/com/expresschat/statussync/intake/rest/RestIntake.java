package com.expresschat.statussync.intake.rest;

import java.io.ByteArrayInputStream;

import org.apache.camel.ExchangeProperty;

import com.expresschat.statussync.intake.InputFormat;
import com.expresschat.statussync.model.Input;

/** Turns a synchronous REST request into an {@link Input} for the pipeline (direct:process-input). */
public class RestIntake {

    public static final String SOURCE = "rest";

    public Input toInput(@ExchangeProperty(RestRequest.PROPERTY) RestRequest request) {
        byte[] body = request.body();
        InputFormat format = request.format();
        // answered with its receipt, not archived: a REST request is not a file
        return new Input(RestInputNames.newName(format), SOURCE, false, format.name(),
                () -> format.open(new ByteArrayInputStream(body)), null);
    }
}
