package com.expresschat.statussync.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed key stores made at test time with the JDK's keytool, exactly as docs/rest.md tells an operator to, and
 * HTTPS clients that trust only what a test gives them.
 */
public final class TestTls {

    public static final String PASSWORD = "tls-test-store-password";

    private final Path dir;

    public TestTls() {
        try {
            dir = Files.createTempDirectory("tls");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PKCS12 key store with a new key pair and its self-signed certificate, valid for 127.0.0.1 and localhost. */
    public Path keyPair(String name) {
        Path store = dir.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + name, "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        return store;
    }

    /** A PKCS12 trust store holding the certificates of the given key stores. */
    public Path trustStore(String name, Path... keyStores) {
        Path trust = dir.resolve(name + ".p12");
        for (Path keyStore : keyStores) {
            String alias = keyStore.getFileName().toString().replace(".p12", "");
            Path certificate = dir.resolve(alias + ".crt");
            keytool("-exportcert", "-alias", alias, "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                    "-rfc", "-file", certificate.toString());
            keytool("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(),
                    "-keystore", trust.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        }
        return trust;
    }

    /** The settings that make the embedded server serve HTTPS with {@code keyStore} (made by {@link #keyPair}). */
    public static void serveHttps(Properties settings, Path keyStore) {
        settings.setProperty("camel.ssl.enabled", "true");
        settings.setProperty("camel.ssl.keyStore", "file:" + keyStore);
        settings.setProperty("camel.ssl.keystorePassword", PASSWORD);
    }

    /** An HTTP/1.1 client that trusts only {@code trustStore} and, if given, shows the certificate of {@code keyStore}. */
    public static HttpClient client(Path trustStore, Path keyStore) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore));
            KeyManagerFactory keys = null;
            if (keyStore != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(keyStore), PASSWORD.toCharArray());
            }
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ssl)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path file) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        // keytool's own JVM: a few hundred milliseconds of work, for which the C2 compiler and a parallel GC only
        // cost start-up CPU (half the time of each call); the stores it writes are the same
        command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
