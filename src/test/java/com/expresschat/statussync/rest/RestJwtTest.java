package com.expresschat.statussync.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.RestClient;
import com.expresschat.statussync.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * JWT instead of HTTP Basic: the embedded server takes a bearer JWT signed with a key of its key store, issued by
 * statussync.rest.jwt.issuer for statussync.rest.jwt.audience, and not expired; any other is 401 and reaches nothing.
 */
class RestJwtTest extends RestTestSupport {

    static final String PASSWORD = "jwt-test-store-password";
    static final byte[] SECRET = "a-256-bit-secret-for-tests-only!".getBytes(StandardCharsets.UTF_8);
    static final Path KEY_STORE = keyStoreWith(SECRET);
    static final String ISSUER = "https://login.example.com/";
    static final String AUDIENCE = "express-chat-status-sync";

    @Override
    protected void settings(Properties p) {
        p.remove("camel.server.basicPropertiesFile");
        p.setProperty("camel.server.jwtKeystoreType", "pkcs12");
        p.setProperty("camel.server.jwtKeystorePath", KEY_STORE.toString());
        p.setProperty("camel.server.jwtKeystorePassword", PASSWORD);
        p.setProperty("statussync.rest.jwt.issuer", ISSUER);
        p.setProperty("statussync.rest.jwt.audience", AUDIENCE);
    }

    @Test
    void aJwtFromTheIssuerForThisAudienceSignedWithTheKeyStoresKeyIsServed() throws Exception {
        expressChat.acceptAll();

        assertThat(post("Bearer " + jwt(SECRET, claims(ISSUER, "\"" + AUDIENCE + "\"", inFiveMinutes()))).statusCode())
                .isEqualTo(200);
        // aud may also be a list that names this service
        assertThat(post("Bearer " + jwt(SECRET, claims(ISSUER, "[\"other\",\"" + AUDIENCE + "\"]", inFiveMinutes())))
                .statusCode()).isEqualTo(200);
        assertThat(expressChat.receivedIds()).containsExactly(objectId(1), objectId(1));
    }

    @Test
    void anyOtherTokenIs401AndReachesNothing() throws Exception {
        expressChat.acceptAll();
        String audience = "\"" + AUDIENCE + "\"";
        byte[] foreignKey = "another-secret-another-secret-!!".getBytes(StandardCharsets.UTF_8);

        String elsewhere = "https://elsewhere.example.com/";
        assertThat(post("Bearer " + jwt(SECRET, claims(elsewhere, audience, inFiveMinutes()))).statusCode())
                .as("wrong iss").isEqualTo(401);
        assertThat(post("Bearer " + jwt(SECRET, claims(ISSUER, "\"another-service\"", inFiveMinutes()))).statusCode())
                .as("wrong aud").isEqualTo(401);
        String withoutAudience = "{\"sub\":\"intake\",\"iss\":\"" + ISSUER + "\",\"exp\":" + inFiveMinutes() + "}";
        assertThat(post("Bearer " + jwt(SECRET, withoutAudience)).statusCode()).as("no aud").isEqualTo(401);
        assertThat(post("Bearer " + jwt(SECRET, claims(ISSUER, audience, 1))).statusCode()).as("expired").isEqualTo(401);
        assertThat(post("Bearer " + unsigned(claims(ISSUER, audience, inFiveMinutes()))).statusCode()).as("alg none")
                .isEqualTo(401);
        assertThat(post("Bearer " + jwt(foreignKey, claims(ISSUER, audience, inFiveMinutes()))).statusCode())
                .as("foreign key").isEqualTo(401);
        assertThat(post(RestClient.basic(RestClient.USER, RestClient.PASSWORD)).statusCode()).as("basic").isEqualTo(401);

        assertThat(expressChat.requests()).isEmpty();
        assertThat(inboxEntries()).isEmpty();
    }

    private static String claims(String issuer, String audienceJson, long exp) {
        return "{\"sub\":\"intake\",\"iss\":\"" + issuer + "\",\"aud\":" + audienceJson + ",\"exp\":" + exp + "}";
    }

    private static long inFiveMinutes() {
        return Instant.now().plusSeconds(300).getEpochSecond();
    }


    @Test
    void theDocumentAdvertisesBearerJwtOnlyAndAMalformedBearerIs401WithItsChallenge() throws Exception {
        String jwt = "Bearer " + jwt(SECRET, claims(ISSUER, "\"" + AUDIENCE + "\"", inFiveMinutes()));
        HttpResponse<String> document = rest().send(rest().anonymous("/api/v1/openapi.json").header("Authorization", jwt).GET());

        JsonNode api = ExpressChatStub.read(document.body());
        List<String> schemes = new ArrayList<>();
        api.path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
        assertThat(schemes).containsExactly("bearerAuth");
        assertThat(api.path("security").get(0).has("bearerAuth")).isTrue();
        assertThat(api.path("security")).hasSize(1);

        for (String malformed : List.of("Bearer ", "Bearer", "Basic !!!")) {
            HttpResponse<String> refused = post(malformed);
            assertThat(refused.statusCode()).as(malformed).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate").orElse("")).as(malformed).startsWith("Bearer");
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
    }

    private HttpResponse<String> post(String authorization) throws Exception {
        return rest().send(rest().anonymous(RestClient.INTAKE).header("Authorization", authorization)
                .header("Content-Type", "text/plain").POST(BodyPublishers.ofString(ids(1, 1))));
    }

    /** A JWT with {@code alg: none} and no signature (RFC 7519 §6, "unsecured"). */
    static String unsigned(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
               + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** A compact HS256 JWT (RFC 7519). */
    static String jwt(byte[] secret, String claims) throws GeneralSecurityException {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signed = base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                        + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return signed + "." + base64.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    /** A PKCS12 key store holding the HMAC key under the alias Vert.x looks for: the algorithm's name. */
    static Path keyStoreWith(byte[] secret) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setEntry("HS256", new KeyStore.SecretKeyEntry(new SecretKeySpec(secret, "HmacSHA256")),
                    new KeyStore.PasswordProtection(PASSWORD.toCharArray()));
            Path file = Files.createTempFile("jwt", ".p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, PASSWORD.toCharArray());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
