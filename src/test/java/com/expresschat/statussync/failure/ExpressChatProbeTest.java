package com.expresschat.statussync.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.LogCapture;

/** A probe that got no answer says why in its log line (§6: the operator sees why intake stays paused). */
class ExpressChatProbeTest {

    @BeforeAll
    static void captureLogs() {
        LogCapture.install();
    }

    @Test
    void aProbeWithoutAnswerLogsItsReason() {
        // failed() only logs: the gate and the circuit are not touched while intake stays paused
        ExpressChatProbe probe = new ExpressChatProbe(null, null, null);

        probe.failed(new java.io.UncheckedIOException(new ConnectException("Connection refused")));
        probe.failed(new HttpOperationFailedException(Failures.URL, 500, "boom", null, null, null));

        assertThat(LogCapture.text())
                .contains("Intake still paused: express-chat probe failed: java.io.UncheckedIOException: "
                          + "java.net.ConnectException: Connection refused")
                .contains("Intake still paused: express-chat probe failed: "
                          + "org.apache.camel.http.base.HttpOperationFailedException: HTTP operation failed invoking")
                .doesNotContain("probe failed: null");
    }
}
