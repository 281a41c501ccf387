package com.expresschat.statussync.intake.rest;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Puts an {@link Answer} (the message body) on the message, as the embedded server sends it. Every header the message
 * still carries is dropped first: the platform-http consumer copied the inbound request's headers into it, and they
 * must not be echoed back.
 */
public class AnswerWriter implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        Answer answer = message.getMandatoryBody(Answer.class);
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        message.setHeader(Exchange.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach(message::setHeader);
        message.setBody(answer.body());
    }
}
