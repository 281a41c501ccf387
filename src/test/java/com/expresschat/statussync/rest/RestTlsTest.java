package com.expresschat.statussync.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Properties;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.RestClient;
import com.expresschat.statussync.support.RestTestSupport;
import com.expresschat.statussync.support.TestTls;

/**
 * HTTPS on the embedded server through Camel's own SSL configuration (camel.ssl.*), with a key store made by keytool
 * at test time: only HTTPS is served, to clients that trust the server's certificate.
 */
class RestTlsTest extends RestTestSupport {

    static final TestTls TLS = new TestTls();
    static final Path SERVER = TLS.keyPair("server");
    static final Path TRUSTS_SERVER = TLS.trustStore("trusts-server", SERVER);
    static final Path TRUSTS_OTHER = TLS.trustStore("trusts-other", TLS.keyPair("other"));

    @Override
    protected void settings(Properties p) {
        TestTls.serveHttps(p, SERVER);
    }

    @Test
    void aClientThatTrustsTheServersCertificateGets200OnTheIntakeAndHealth() throws Exception {
        expressChat.acceptAll();
        RestClient https = https(TestTls.client(TRUSTS_SERVER, null));

        assertThat(https.post("text/plain", ids(2, 1)).statusCode()).isEqualTo(200);
        assertThat(https.send(https.anonymous("/observe/health/live").GET()).statusCode()).isEqualTo(200);
        assertThat(expressChat.receivedIds()).containsExactly(objectId(1), objectId(2));
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefusedAndNothingIsSent() {
        RestClient https = https(TestTls.client(TRUSTS_OTHER, null));

        assertThatThrownBy(() -> https.post("text/plain", ids(1, 1))).isInstanceOf(SSLHandshakeException.class);
        assertThat(expressChat.requests()).isEmpty();
    }

    @Test
    void plaintextHttpToTheTlsPortFails() {
        assertThatThrownBy(() -> rest().post("text/plain", ids(1, 1))).isInstanceOf(IOException.class);
        assertThat(expressChat.requests()).isEmpty();
    }

    RestClient https(HttpClient client) {
        return RestClient.https(context.resolvePropertyPlaceholders("{{camel.server.port}}"), client);
    }
}
