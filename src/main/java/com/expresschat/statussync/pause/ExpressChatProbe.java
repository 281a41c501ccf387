package com.expresschat.statussync.pause;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.credentials.TokenSource;
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

    private final TokenSource tokens;
    private final IntakeGate gate;
    private final ExpressChatCircuit circuit;

    /** {@code tokens} gives the current token (a token file is read again when it changes). */
    public ExpressChatProbe(TokenSource tokens, IntakeGate gate, ExpressChatCircuit circuit) {
        this.tokens = tokens;
        this.gate = gate;
        this.circuit = circuit;
    }

    /**
     * Whether express-chat is to be probed: intake is paused because of express-chat (not for a missing token, which
     * only an operator can fix, and which a probe without a token would only turn into a refused token).
     */
    public boolean due() {
        IntakeGate.Pause pause = gate.pause();
        return pause != null && !pause.reason().holds() && tokens.isConfigured();
    }

    /** Makes the probe request; never without a token. */
    public void prepare(Exchange exchange) {
        String token = tokens.current()
                .orElseThrow(() -> new IllegalStateException("no express-chat token to probe with"));
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_METHOD, "GET");
        message.setHeader("Authorization", "Bearer " + token);
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
