package com.expresschat.statussync.intake.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Optional;

import javax.net.ssl.KeyManagerFactory;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.credentials.SecretFileCheck;

import io.vertx.core.http.ClientAuth;

/**
 * HTTPS on the embedded server (REST intake, health, metrics), set up by Camel's own SSL configuration:
 * {@code camel.ssl.*} (key store, trust store, client authentication) used by the server through
 * {@code camel.server.useGlobalSslContextParameters}. Refused at start-up, in every profile: TLS switched on without
 * a key store that loads with its password, or client certificates asked for without a trust store. Refused in the
 * prod profile: a plaintext intake, unless {@code statussync.rest.tls-terminated-upstream=true} says TLS ends in front.
 * The key store password may come from a file ({@code statussync.rest.tls.key-store-password-file}); it is never logged.
 */
final class ServerTls {

    private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);
    private static final String TERMINATED_UPSTREAM = ServerSettings.TLS_TERMINATED_UPSTREAM;
    private static final String KEY_STORE_PASSWORD_FILE = ServerSettings.KEY_STORE_PASSWORD_FILE;

    private final CamelContext context;
    private final ServerSettings settings;

    ServerTls(CamelContext context, ServerSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    /** Checks the set-up and returns the client authentication the server must apply. */
    ClientAuth verify(String profile) {
        MainHttpServer server = context.hasService(MainHttpServer.class);
        if (server == null) {
            return ClientAuth.NONE;
        }
        if (!server.isUseGlobalSslContextParameters()) {
            if ("prod".equals(profile) && !settings.tlsTerminatedUpstream()) {
                throw new IllegalStateException("The prod profile refuses to serve the REST intake over plaintext HTTP: "
                        + "set camel.ssl.enabled=true with camel.ssl.keyStore and its password (docs/rest.md, TLS), or set "
                        + TERMINATED_UPSTREAM + "=true if TLS is terminated in front of this server (a proxy or load "
                        + "balancer)");
            }
            LOG.info("Embedded HTTP server: plaintext HTTP{}", "prod".equals(profile) ? " (TLS terminated upstream)" : "");
            return ClientAuth.NONE;
        }
        SSLContextParameters ssl = context.getSSLContextParameters();
        if (ssl == null || ssl.getKeyManagers() == null || ssl.getKeyManagers().getKeyStore() == null) {
            throw new IllegalStateException("HTTPS is switched on (camel.server.useGlobalSslContextParameters) but there is "
                    + "no key store: set camel.ssl.enabled=true, camel.ssl.keyStore=file:<path> and its password");
        }
        passwordFromFile(ssl.getKeyManagers(), profile);
        checkKeyStore(ssl.getKeyManagers());
        String requested = ssl.getServerParameters() == null ? null : ssl.getServerParameters().getClientAuthentication();
        ClientAuth clientAuth = clientAuth(requested);
        if (clientAuth != ClientAuth.NONE && ssl.getTrustManagers() == null) {
            throw new IllegalStateException("camel.ssl.clientAuthentication=" + requested + " asks for client certificates "
                    + "but there is no trust store to check them against: set camel.ssl.trustStore=file:<path> (the "
                    + "certificates or CA of the clients)");
        }
        LOG.info("Embedded HTTP server: HTTPS, key store {}, client certificates {}",
                ssl.getKeyManagers().getKeyStore().getResource(), describe(clientAuth));
        return clientAuth;
    }

    /**
     * camel.ssl.clientAuthentication (Camel's NONE, WANT, REQUIRE, as Camel Main parsed it into the server
     * parameters) as Vert.x's client authentication.
     */
    private static ClientAuth clientAuth(String requested) {
        String value = requested == null ? "NONE" : requested.toUpperCase(Locale.ROOT);
        return switch (value) {
            case "NONE" -> ClientAuth.NONE;
            case "WANT" -> ClientAuth.REQUEST;
            case "REQUIRE" -> ClientAuth.REQUIRED;
            default -> throw new IllegalStateException("camel.ssl.clientAuthentication must be NONE, WANT or REQUIRE, was '"
                                                       + value + "'");
        };
    }

    private void passwordFromFile(KeyManagersParameters keyManagers, String profile) {
        Optional<String> file = settings.keyStorePasswordFile();
        if (file.isEmpty()) {
            return;
        }
        if ("prod".equals(profile)) {
            SecretFileCheck.requirePrivate(Path.of(file.get()), "TLS key store password file (" + KEY_STORE_PASSWORD_FILE
                                                                + ")");
        }
        String password;
        try {
            password = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("The TLS key store password file " + Path.of(file.get()).toAbsolutePath()
                    + " (" + KEY_STORE_PASSWORD_FILE + ") cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (password.isEmpty()) {
            throw new IllegalStateException("The TLS key store password file " + file.get() + " (" + KEY_STORE_PASSWORD_FILE
                    + ") is empty");
        }
        keyManagers.getKeyStore().setPassword(password);
        keyManagers.setKeyPassword(password);
    }

    /** Loads the key store and its keys now, so that a wrong path or password stops the start with its reason. */
    private void checkKeyStore(KeyManagersParameters keyManagers) {
        String resource = keyManagers.getKeyStore().getResource();
        if (keyManagers.getKeyStore().getPassword() == null) {
            throw new IllegalStateException("The TLS key store " + resource + " has no password: set it in the environment "
                    + "(CAMEL_SSL_KEYSTOREPASSWORD) or in a file named by " + KEY_STORE_PASSWORD_FILE);
        }
        try {
            keyManagers.getKeyStore().setCamelContext(context);
            KeyStore store = keyManagers.getKeyStore().createKeyStore();
            String keyPassword = keyManagers.getKeyPassword() != null ? keyManagers.getKeyPassword()
                    : keyManagers.getKeyStore().getPassword();
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm()).init(store, keyPassword.toCharArray());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("The TLS key store " + resource + " (camel.ssl.keyStore) cannot be loaded: "
                    + e.getMessage() + " (check the path, its file: prefix, camel.ssl.keyStoreType and the password)", e);
        }
    }

    private static String describe(ClientAuth clientAuth) {
        return switch (clientAuth) {
            case NONE -> "not asked for";
            case REQUEST -> "asked for (optional)";
            case REQUIRED -> "required";
        };
    }
}
