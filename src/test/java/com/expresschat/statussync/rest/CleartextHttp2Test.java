package com.expresschat.statussync.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.RestTestSupport;

/** HTTP/2 over cleartext (h2c) is off: an upgrade request is answered in HTTP/1.1, never with 101 Switching Protocols. */
class CleartextHttp2Test extends RestTestSupport {

    @Test
    void anUpgradeToH2cOnARawSocketIsAnsweredInHttp11() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /observe/health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                       + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                       + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();

            assertThat(statusLine).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void anHttp2ClientOnPlainHttpGetsHttp11() throws Exception {
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(5))
                .build();

        HttpRequest liveness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/observe/health/live"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> answer = http2.send(liveness, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }

    private int port() {
        return Integer.parseInt(context.resolvePropertyPlaceholders("{{camel.server.port}}"));
    }
}
