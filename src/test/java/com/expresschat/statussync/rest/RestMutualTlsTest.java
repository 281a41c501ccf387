package com.expresschat.statussync.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.RestClient;
import com.expresschat.statussync.support.RestTestSupport;
import com.expresschat.statussync.support.TestTls;

/**
 * mTLS: with camel.ssl.clientAuthentication=REQUIRE the server takes only clients whose certificate is in its trust
 * store (camel.ssl.trustStore); the others are refused in the TLS handshake, before any request is read.
 */
class RestMutualTlsTest extends RestTestSupport {

    static final TestTls TLS = new TestTls();
    static final Path SERVER = TLS.keyPair("server");
    static final Path TRUSTS_SERVER = TLS.trustStore("trusts-server", SERVER);
    static final Path CLIENT = TLS.keyPair("intake-client");
    static final Path STRANGER = TLS.keyPair("stranger");
    static final Path TRUSTED_CLIENTS = TLS.trustStore("trusted-clients", CLIENT);

    @Override
    protected void settings(Properties p) {
        TestTls.serveHttps(p, SERVER);
        p.setProperty("camel.ssl.clientAuthentication", "REQUIRE");
        p.setProperty("camel.ssl.trustStore", "file:" + TRUSTED_CLIENTS);
        p.setProperty("camel.ssl.trustStorePassword", TestTls.PASSWORD);
    }

    @Test
    void aClientWithATrustedCertificateGets200() throws Exception {
        expressChat.acceptAll();

        assertThat(https(CLIENT).post("text/plain", ids(1, 1)).statusCode()).isEqualTo(200);
        assertThat(expressChat.receivedIds()).containsExactly(objectId(1));
    }

    @Test
    void aClientWithoutACertificateIsRefusedAndNothingIsSent() {
        assertThatThrownBy(() -> https(null).post("text/plain", ids(1, 1))).isInstanceOf(IOException.class);
        assertThat(expressChat.requests()).isEmpty();
    }

    @Test
    void aClientWithACertificateTheServerDoesNotTrustIsRefused() {
        assertThatThrownBy(() -> https(STRANGER).post("text/plain", ids(1, 1))).isInstanceOf(IOException.class);
        assertThat(expressChat.requests()).isEmpty();
    }

    private RestClient https(Path clientKeyStore) {
        return RestClient.https(context.resolvePropertyPlaceholders("{{camel.server.port}}"),
                TestTls.client(TRUSTS_SERVER, clientKeyStore));
    }
}
