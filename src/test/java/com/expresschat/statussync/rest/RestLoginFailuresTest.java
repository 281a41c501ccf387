package com.expresschat.statussync.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.LogCapture;
import com.expresschat.statussync.support.RestClient;
import com.expresschat.statussync.support.RestTestSupport;

/**
 * Failed logins on the REST API over real HTTP: counted in statussync_rest_auth_failures_total on /observe/metrics,
 * and one WARN line for the client address, which names neither the password nor the Authorization header.
 */
class RestLoginFailuresTest extends RestTestSupport {

    static final String WRONG_PASSWORD = "wrong-password-" + System.nanoTime();

    @Test
    void refusedCredentialsAreCountedAndLoggedOnceWithoutTheCredentials() throws Exception {
        String authorization = RestClient.basic(RestClient.USER, WRONG_PASSWORD);
        int logBefore = LogCapture.text().length(); // the capture is shared by the test classes of this JVM
        for (int i = 0; i < 3; i++) {
            assertThat(rest().send(rest().anonymous(RestClient.INTAKE).header("Authorization", authorization)
                    .header("Content-Type", "text/plain").POST(BodyPublishers.ofString(ids(1, 1)))).statusCode())
                    .isEqualTo(401);
        }
        assertThat(rest().send(rest().anonymous(RestClient.INTAKE).header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString(ids(1, 1)))).statusCode()).isEqualTo(401);

        assertThat(rest().send(rest().anonymous("/observe/metrics").GET()).body())
                .contains("statussync_rest_auth_failures_total{reason=\"refused\"} 3.0")
                .contains("statussync_rest_auth_failures_total{reason=\"missing\"} 1.0");
        assertThat(LogCapture.text().substring(logBefore).lines()
                .filter(line -> line.contains("REST login failed from 127.0.0.1"))).hasSize(1);
        assertThat(LogCapture.text()).doesNotContain(WRONG_PASSWORD).doesNotContain(authorization)
                .doesNotContain(authorization.substring("Basic ".length()));
        assertThat(expressChat.requests()).isEmpty();
    }
}
