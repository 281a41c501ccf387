package com.expresschat.statussync.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.RestClient;
import com.expresschat.statussync.support.RestTestSupport;

/** The embedded server authenticates all of /api/* (§6); a refused request sends nothing to express-chat. */
class RestAuthenticationTest extends RestTestSupport {

    static final String ONE_ID = "640f472d173951357f08edee\n";

    @BeforeEach
    void accept() {
        expressChat.acceptAll();
    }

    @Test
    void noCredentialsIs401WithABasicChallengeAndNothingSent() throws Exception {
        HttpResponse<String> response = rest().send(rest().anonymous(RestClient.INTAKE)
                .header("Content-Type", "text/plain").POST(BodyPublishers.ofString(ONE_ID)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"express-chat-status-sync\"");
        assertNothingSent();
    }

    @Test
    void wrongCredentialsAre401AndNothingSent() throws Exception {
        for (String userAndPassword : List.of("intake:wrong-password", "nobody:intake-test-password", "intake:", ":")) {
            String[] parts = userAndPassword.split(":", -1);
            HttpResponse<String> response = rest().send(rest().anonymous(RestClient.INTAKE)
                    .header("Authorization", RestClient.basic(parts[0], parts[1]))
                    .header("Content-Type", "text/plain").POST(BodyPublishers.ofString(ONE_ID)));

            assertThat(response.statusCode()).as(userAndPassword).isEqualTo(401);
        }
        assertNothingSent();
    }

    @Test
    void aBearerTokenThatIsNotAJwtOfOurKeyStoreIs401() throws Exception {
        HttpResponse<String> response = rest().send(rest().anonymous(RestClient.INTAKE)
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "text/plain").POST(BodyPublishers.ofString(ONE_ID)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertNothingSent();
    }

    @Test
    void everythingBelowApiNeedsCredentials() throws Exception {
        for (String path : List.of("/api/v1/openapi.json", "/api/v1/status-updates/rest-00000000-0000-0000-0000-000000000000.txt",
                "/api/v1/anything", "/api//v1/status-updates", "/api/v1/../v1/status-updates", "/observe/../api/v1/openapi.json")) {
            assertThat(rest().send(rest().anonymous(path).GET()).statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void healthAndMetricsPathsAreNotBehindTheApisAuthentication() throws Exception {
        assertThat(rest().send(rest().anonymous("/observe/health").GET()).statusCode()).isNotEqualTo(401);
    }

    @Test
    void rightCredentialsAreServed() throws Exception {
        HttpResponse<String> response = rest().post("text/plain", ONE_ID);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(expressChat.receivedIds()).containsExactly(ONE_ID.trim());
    }

    private void assertNothingSent() {
        assertThat(expressChat.requests()).isEmpty();
    }
}
