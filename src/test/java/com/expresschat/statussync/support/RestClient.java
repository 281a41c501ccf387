package com.expresschat.statussync.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A real HTTP client of the REST intake on the embedded server, authenticated as the test user by default. */
public final class RestClient {

    /** The users file of the tests, and its user. */
    public static final String USERS_FILE = "src/test/resources/test-users.properties";
    public static final String USER = "intake";
    public static final String PASSWORD = "intake-test-password";
    public static final String INTAKE = "/api/v1/status-updates";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;
    private final HttpClient http;

    public RestClient(String port) {
        this("http://127.0.0.1:" + port, HTTP);
    }

    /** A client of the server at {@code base} (scheme, host and port) over {@code http}, e.g. an HTTPS client. */
    public RestClient(String base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** A client of the server's HTTPS port over {@code https} (see TestTls). */
    public static RestClient https(String port, HttpClient https) {
        return new RestClient("https://127.0.0.1:" + port, https);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A request to a path of the server, with the test user's credentials. */
    public HttpRequest.Builder request(String path) {
        return anonymous(path).header("Authorization", basic(USER, PASSWORD));
    }

    /** A request without credentials. */
    public HttpRequest.Builder anonymous(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    }

    public HttpResponse<String> post(String contentType, String body) throws IOException, InterruptedException {
        return send(request(INTAKE).header("Content-Type", contentType).POST(BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), BodyHandlers.ofString());
    }
}
