package com.expresschat.statussync.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.UUID;

import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.Application;
import com.expresschat.statussync.configuration.ConfigLocations;
import com.expresschat.statussync.support.RestClient;
import com.expresschat.statussync.support.TestTls;

/**
 * Starts the application in-process as {@link Application} does, with the prod profile's settings: a start that would
 * serve the REST intake open by mistake, or over plaintext in prod, or with a TLS set-up that cannot work, is refused
 * with a message that says what to set (§6).
 */
class ApiAccessStartupTest {

    static final TestTls TLS = new TestTls();
    static final Path SERVER_KEY_STORE = TLS.keyPair("server");
    static final Path TRUSTS_SERVER = TLS.trustStore("trusts-server", SERVER_KEY_STORE);

    @Test
    void prodWithAuthenticationOffIsRefused() {
        Properties settings = prod();
        settings.setProperty("camel.server.authenticationEnabled", "false");

        assertThat(startFailure(settings))
                .contains("prod profile refuses to serve the REST intake without authentication")
                .contains("camel.server.basicPropertiesFile")
                .contains("statussync.rest.allow-anonymous=true");
    }

    @Test
    void prodWithAuthenticationOffStartsWhenAnonymousIsAllowedExplicitly() {
        Properties settings = prod();
        settings.setProperty("camel.server.authenticationEnabled", "false");
        settings.setProperty("statussync.rest.allow-anonymous", "true");

        assertThat(startFailure(settings, () -> assertThat(anonymousGet(settings, "/api/v1/openapi.json")).isEqualTo(200)))
                .isNull();
    }

    @Test
    void prodWithAuthenticationOnButNoUsersFileOrJwtIsRefused() {
        assertThat(startFailure(prod()))
                .contains("switched on (camel.server.authenticationEnabled) but would protect nothing")
                .contains("camel.server.basicPropertiesFile")
                .contains("camel.server.jwtKeystoreType");
    }

    @Test
    void authenticationOnAPathThatMissesTheIntakeIsRefusedInAnyProfile() {
        Properties settings = prod();
        settings.setProperty("camel.main.profile", "test");
        settings.setProperty("camel.server.basicPropertiesFile", RestClient.USERS_FILE);
        settings.setProperty("camel.server.authenticationPath", "/observe/*");

        assertThat(startFailure(settings)).contains("authenticationPath=/observe/* does not cover /api/v1/status-updates");
    }

    @Test
    void aMissingUsersFileIsRefused() {
        Properties settings = prod();
        settings.setProperty("camel.server.basicPropertiesFile", "config/no-such-users.properties");

        assertThat(startFailure(settings)).contains("no-such-users.properties cannot be read");
    }

    @Test
    void aUsersFileWithoutUsersIsRefused() throws IOException {
        Path empty = Files.createTempFile("users", ".properties");
        Files.writeString(empty, "# nobody yet\nrole.admin=*\n");
        Properties settings = prod();
        settings.setProperty("camel.server.basicPropertiesFile", empty.toString());

        assertThat(startFailure(settings)).contains("names no user");
    }

    @Test
    void prodWithAUsersFileStarts() throws IOException {
        Properties settings = prod();
        settings.setProperty("camel.server.basicPropertiesFile", privateUsersFile());

        assertThat(startFailure(settings, () -> assertThat(anonymousGet(settings, "/api/v1/openapi.json")).isEqualTo(401)))
                .isNull();
    }

    @Test
    void prodOverPlaintextIsRefusedUnlessTlsIsTerminatedUpstream() {
        Properties settings = prod();
        settings.setProperty("camel.server.basicPropertiesFile", privateUsersFile());
        settings.remove("statussync.rest.tls-terminated-upstream");

        assertThat(startFailure(settings))
                .contains("prod profile refuses to serve the REST intake over plaintext HTTP")
                .contains("camel.ssl.enabled=true")
                .contains("statussync.rest.tls-terminated-upstream=true");
    }

    @Test
    void prodOverTlsStartsAndServesHttpsOnly() {
        Properties settings = prodOverTls();

        assertThat(startFailure(settings, () -> {
            RestClient https = RestClient.https(settings.getProperty("camel.server.port"),
                    TestTls.client(TRUSTS_SERVER, null));
            assertThat(https.send(https.anonymous("/api/v1/openapi.json").GET()).statusCode()).isEqualTo(401);
            assertThat(https.get("/api/v1/openapi.json").statusCode()).isEqualTo(200);
        })).isNull();
    }

    @Test
    void theKeyStorePasswordMayComeFromAFile() throws IOException {
        Path passwordFile = Files.createTempFile("tls-password", ".txt");
        Files.writeString(passwordFile, TestTls.PASSWORD + "\n");
        Properties settings = prodOverTls();
        settings.remove("camel.ssl.keystorePassword");
        settings.setProperty("statussync.rest.tls.key-store-password-file", passwordFile.toString());

        assertThat(startFailure(settings, () -> {
            RestClient https = RestClient.https(settings.getProperty("camel.server.port"),
                    TestTls.client(TRUSTS_SERVER, null));
            assertThat(https.get("/api/v1/openapi.json").statusCode()).isEqualTo(200);
        })).isNull();
    }

    @Test
    void prodRefusesAKeyStorePasswordFileOtherUsersCanRead() throws IOException {
        Path passwordFile = Files.createTempFile("tls-password", ".txt");
        Files.writeString(passwordFile, TestTls.PASSWORD + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r-----"));
        Properties settings = prodOverTls();
        settings.remove("camel.ssl.keystorePassword");
        settings.setProperty("statussync.rest.tls.key-store-password-file", passwordFile.toString());

        assertThat(startFailure(settings))
                .contains("TLS key store password file (statussync.rest.tls.key-store-password-file) "
                          + passwordFile.toAbsolutePath())
                .contains("is accessible to other users (rw-r-----)")
                .contains("chmod 600 " + passwordFile.toAbsolutePath())
                .doesNotContain(TestTls.PASSWORD);
    }

    @Test
    void aKeyStoreThatDoesNotOpenWithItsPasswordIsRefused() {
        Properties settings = prodOverTls();
        settings.setProperty("camel.ssl.keystorePassword", "not-the-password");

        assertThat(startFailure(settings)).contains("The TLS key store file:" + SERVER_KEY_STORE + " (camel.ssl.keyStore) "
                                                    + "cannot be loaded").doesNotContain("not-the-password");
    }

    @Test
    void aKeyStoreWithoutPasswordIsRefused() {
        Properties settings = prodOverTls();
        settings.remove("camel.ssl.keystorePassword");

        assertThat(startFailure(settings)).contains("has no password").contains("CAMEL_SSL_KEYSTOREPASSWORD")
                .contains("statussync.rest.tls.key-store-password-file");
    }

    @Test
    void wantedClientCertificatesLetAClientWithoutOneIn() {
        Properties settings = prodOverTls();
        settings.setProperty("camel.ssl.clientAuthentication", "WANT");
        settings.setProperty("camel.ssl.trustStore", "file:" + TRUSTS_SERVER);
        settings.setProperty("camel.ssl.trustStorePassword", TestTls.PASSWORD);

        assertThat(startFailure(settings, () -> assertThat(RestClient.https(settings.getProperty("camel.server.port"),
                TestTls.client(TRUSTS_SERVER, null)).get("/api/v1/openapi.json").statusCode()).isEqualTo(200))).isNull();
    }

    @Test
    void requiredClientCertificatesWithoutATrustStoreAreRefused() {
        Properties settings = prodOverTls();
        settings.setProperty("camel.ssl.clientAuthentication", "REQUIRE");

        assertThat(startFailure(settings)).contains("camel.ssl.clientAuthentication=REQUIRE asks for client certificates")
                .contains("camel.ssl.trustStore");
    }

    @Test
    void prodInJwtModeWithoutIssuerAndAudienceIsRefused() {
        Properties settings = prodWithJwt();
        settings.remove("statussync.rest.jwt.audience");

        assertThat(startFailure(settings))
                .contains("prod profile refuses JWT authentication without an issuer and an audience")
                .contains("statussync.rest.jwt.issuer").contains("statussync.rest.jwt.audience");
    }

    @Test
    void prodInJwtModeWithIssuerAndAudienceStarts() {
        Properties settings = prodWithJwt();

        assertThat(startFailure(settings, () -> assertThat(anonymousGet(settings, "/api/v1/openapi.json")).isEqualTo(401)))
                .isNull();
    }

    private static Properties prodWithJwt() {
        Properties p = prod();
        p.setProperty("camel.server.jwtKeystoreType", "pkcs12");
        p.setProperty("camel.server.jwtKeystorePath", RestJwtTest.KEY_STORE.toString());
        p.setProperty("camel.server.jwtKeystorePassword", RestJwtTest.PASSWORD);
        p.setProperty("statussync.rest.jwt.issuer", RestJwtTest.ISSUER);
        p.setProperty("statussync.rest.jwt.audience", RestJwtTest.AUDIENCE);
        return p;
    }

    @Test
    void prodRefusesAUsersFileOtherUsersCanRead() throws IOException {
        Path users = privateCopy(Path.of(RestClient.USERS_FILE));
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-r--r--"));
        Properties settings = prod();
        settings.setProperty("camel.server.basicPropertiesFile", users.toString());

        assertThat(startFailure(settings))
                .contains("REST users file (camel.server.basicPropertiesFile) " + users.toAbsolutePath())
                .contains("is accessible to other users (rw-r--r--)")
                .contains("chmod 600 " + users.toAbsolutePath());
    }

    @Test
    void prodRefusesATokenFileOtherUsersCanReadAndStartsAfterChmod600() throws IOException {
        Path token = Files.createTempFile("token", "");
        Files.writeString(token, "prod-start-test-token\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-rw-r--"));
        Properties settings = prod();
        settings.setProperty("statussync.express-chat.token", "");
        settings.setProperty("statussync.express-chat.token-file", token.toString());
        settings.setProperty("camel.server.basicPropertiesFile", privateUsersFile());

        assertThat(startFailure(settings))
                .contains("express-chat token file (EXPRESS_CHAT_TOKEN_FILE) " + token.toAbsolutePath())
                .contains("chmod 600 " + token.toAbsolutePath());

        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        assertThat(startFailure(settings)).isNull();
    }

    /** The test users file as the prod profile takes it: readable by its owner only. */
    private static String privateUsersFile() {
        try {
            return privateCopy(Path.of(RestClient.USERS_FILE)).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A copy of a secrets file only its owner can read, as the prod profile requires (git keeps no such mode). */
    static Path privateCopy(Path file) throws IOException {
        Path copy = Files.createTempFile("secret", ".properties");
        Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
        return copy;
    }

    private static int anonymousGet(Properties settings, String path) throws Exception {
        RestClient client = new RestClient(settings.getProperty("camel.server.port"));
        return client.send(client.anonymous(path).GET()).statusCode();
    }

    /** The prod profile with a token (its own start check) and folders of its own, on a free port. */
    private static Properties prod() {
        Path data = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();
        Properties p = new Properties();
        p.setProperty("camel.main.profile", "prod");
        p.setProperty("camel.server.port", String.valueOf(AvailablePortFinder.getNextAvailable()));
        p.setProperty("statussync.express-chat.token", "prod-start-test-token");
        p.setProperty("statussync.inbox-dir", data.resolve("inbox").toString());
        p.setProperty("statussync.done-dir", data.resolve("done").toString());
        p.setProperty("statussync.error-dir", data.resolve("error").toString());
        // plaintext is refused in prod unless TLS ends in front: the tests of authentication take that case
        p.setProperty("statussync.rest.tls-terminated-upstream", "true");
        return p;
    }

    /** prod with a users file, serving HTTPS with a key store made by keytool. */
    private static Properties prodOverTls() {
        Properties p = prod();
        p.remove("statussync.rest.tls-terminated-upstream");
        p.setProperty("camel.server.basicPropertiesFile", privateUsersFile());
        TestTls.serveHttps(p, SERVER_KEY_STORE);
        return p;
    }

    private static String startFailure(Properties settings) {
        return startFailure(settings, () -> { });
    }

    /** Something to check while the application runs. */
    @FunctionalInterface
    private interface Check {
        void run() throws Exception;
    }

    /**
     * Starts the application, runs the check, stops it; returns the messages of the start's failure, or null
     * when it started (a failing check fails the test).
     */
    private static String startFailure(Properties settings, Check whileRunning) {
        Main main = new Main(Application.class);
        main.setPropertyPlaceholderLocations(ConfigLocations.forProfile(settings.getProperty("camel.main.profile")));
        main.setOverrideProperties(settings);
        try {
            try {
                main.start();
            } catch (Exception e) {
                StringBuilder messages = new StringBuilder();
                for (Throwable t = e; t != null; t = t.getCause()) {
                    messages.append(t.getMessage()).append('\n');
                }
                return messages.toString();
            }
            whileRunning.run();
            return null;
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            main.stop();
        }
    }
}
