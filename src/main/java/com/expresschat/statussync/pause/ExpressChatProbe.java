package com.expresschat.statussync.pause;

import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.model.ExceptionText;
import com.expresschat.statussync.model.FailureClass;

/**
 * The probe of the express-chat-probe route: while intake is paused, an authenticated GET on the
 * status-update URL tells whether express-chat is back. GET changes nothing, whatever the endpoint does with
 * it; any answer but a server error, 408 or 429 means express-chat is up, and 401/403 means the token is
 * still refused. A token file that was fixed is read again for the probe (TokenSource), so a corrected token
 * resumes intake without a restart.
 */
public class ExpressChatProbe {

    private static final Logger LOG = LoggerFactory.getLogger(ExpressChatProbe.class);

    private final Supplier<String> tokens;
    private final IntakeGate gate;
    private final ExpressChatCircuit circuit;

    /** {@code tokens} gives the current token (a token file is read again when it changes). */
    public ExpressChatProbe(Supplier<String> tokens, IntakeGate gate, ExpressChatCircuit circuit) {
        this.tokens = tokens;
        this.gate = gate;
        this.circuit = circuit;
    }

    /** Makes the probe request. */
    public void prepare(Exchange exchange) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_METHOD, "GET");
        message.setHeader("Authorization", "Bearer " + tokens.get());
        message.setHeader("Accept", "application/json");
        message.setBody(null);
    }

    /** Reads the probe's answer and resumes intake when express-chat is back. */
    public void evaluate(@Header(Exchange.HTTP_RESPONSE_CODE) int status) {
        FailureClass answer = status < 300 ? null : FailureClass.ofHttpStatus(status);
        if (answer == FailureClass.AUTH) {
            gate.pause(IntakeGate.Reason.TOKEN_REJECTED);
            LOG.info("Intake still paused: express-chat answered the probe with HTTP {}", status);
        } else if (answer != null && answer.retryable()) {
            LOG.info("Intake still paused: express-chat answered the probe with HTTP {}", status);
        } else {
            circuit.close();
            gate.resume();
        }
    }

    /** The probe got no answer (connect, read, timeout): intake stays paused, and the log says why. */
    public void failed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        LOG.info("Intake still paused: express-chat probe failed: {}", ExceptionText.oneLine(failure));
    }
}
