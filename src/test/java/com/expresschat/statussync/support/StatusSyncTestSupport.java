package com.expresschat.statussync.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.expresschat.statussync.Application;
import com.expresschat.statussync.configuration.ConfigLocations;
import com.expresschat.statussync.intake.FileIntake;
import com.expresschat.statussync.intake.InboxEntries;
import com.expresschat.statussync.model.Receipt;
import com.expresschat.statussync.storage.Claims;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * Runs the real application (routes/, config/) on Camel Main, with its folders in a temporary directory
 * and express-chat played by WireMock over real HTTP. Subclasses add settings with {@link #settings}, which
 * is called from the super constructor (CamelTestSupport reads the settings there): it must not use fields
 * that have initializers.
 */
public abstract class StatusSyncTestSupport extends CamelMainTestSupport {

    /** A token that must never appear in any log line. */
    protected static final String TOKEN = "secret-token-" + UUID.randomUUID();

    @RegisterExtension
    protected static WireMockExtension wireMock = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    protected final ExpressChatStub expressChat = new ExpressChatStub(wireMock);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** How long before its move into the inbox a {@link #dropComplete} file was last written (stable-for: 300 ms). */
    private static final Duration COMPLETE_FOR = Duration.ofMinutes(1);

    /** This test's folders; created on first use, which is in the super constructor (see settings). */
    private Path data;

    @BeforeAll
    static void captureLogs() {
        LogCapture.install();
    }

    @Override
    protected Class<?> getMainClass() {
        return Application.class;
    }

    @Override
    protected String getPropertyPlaceholderLocations() {
        return ConfigLocations.forProfile("test");
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.setProperty("camel.main.profile", "test");
        p.setProperty("camel.server.port", String.valueOf(AvailablePortFinder.getNextAvailable()));
        p.setProperty("statussync.inbox-dir", inbox().toString());
        p.setProperty("statussync.done-dir", done().toString());
        p.setProperty("statussync.error-dir", error().toString());
        p.setProperty("statussync.express-chat.url", wireMock.baseUrl() + ExpressChatStub.PATH);
        p.setProperty("statussync.express-chat.token", TOKEN);
        p.setProperty("statussync.retry.initial-delay", "100ms");
        p.setProperty("statussync.retry.max-delay", "1s");
        p.setProperty("statussync.file.stable-for", "300ms");
        p.setProperty("statussync.file.read-lock-timeout", "1s");
        p.setProperty("statussync.file.poll-interval", "100ms");
        // a storage fault holds inputs this long (30 s shipped)
        p.setProperty("statussync.storage.retry-interval", "500ms");
        // the inbox is read at once: no test waits for the consumer's first poll
        p.setProperty("statussync.file.initial-delay", "0");
        p.setProperty("camel.server.basicPropertiesFile", RestClient.USERS_FILE);
        settings(p);
        return p;
    }

    /** Settings of a test class on top of the defaults above. */
    protected void settings(Properties properties) {
    }

    @AfterEach
    void tokenNeverLogged() {
        // the capture must see the application's lines, or the check below would prove nothing
        assertThat(LogCapture.text()).contains("express-chat-status-sync: profile=");
        assertThat(LogCapture.text()).doesNotContain(TOKEN);
    }

    /** A fresh folder under target/ for this test instance's inbox, done/ and error/. */
    protected Path data() {
        if (data == null) {
            data = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();
        }
        return data;
    }

    protected Path inbox() {
        return data().resolve("inbox");
    }

    /** What lies in the inbox besides its claim folder (which the application makes at start). */
    protected List<Path> inboxEntries() throws IOException {
        if (!Files.exists(inbox())) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(inbox())) {
            return entries.filter(entry -> !entry.getFileName().toString().equals(Claims.FOLDER)).toList();
        }
    }

    protected Path done() {
        return data().resolve("done");
    }

    protected Path error() {
        return data().resolve("error");
    }

    /** GET on the application's own server (health, metrics), e.g. {@code observe("/observe/health/ready")}. */
    protected HttpResponse<String> observe(String path) throws Exception {
        String port = context.resolvePropertyPlaceholders("{{camel.server.port}}");
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected void drop(String name, String content) throws IOException {
        drop(name, content.getBytes(StandardCharsets.UTF_8));
    }

    protected void drop(String name, byte[] content) throws IOException {
        Files.createDirectories(inbox());
        Files.write(inbox().resolve(name), content);
    }

    /**
     * Drops a file that was complete before it came, as a {@code mv} of a finished file does: written beside the
     * inbox, then moved in at once (see {@link #moveIn}). The intake takes it at its next poll instead of waiting out
     * stable-for; for tests where the complete-file check is not what is tested ({@link #drop} leaves it to it).
     */
    protected void dropComplete(String name, String content) throws IOException {
        Path staged = Files.createDirectories(data().resolve("staging")).resolve(name);
        Files.writeString(staged, content);
        moveIn(staged, name);
    }

    /**
     * Moves a file written beside the inbox into it under {@code name} in one rename, its time stamp set a minute back:
     * already older than stable-for, so the complete-file check passes at the first look.
     */
    protected void moveIn(Path staged, String name) throws IOException {
        Files.setLastModifiedTime(staged, FileTime.from(Instant.now().minus(COMPLETE_FOR)));
        Files.createDirectories(inbox());
        Files.move(staged, inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Hands a file straight to {@code direct:process-input}, as the file intake does once it has taken a file from
     * the inbox, and returns its receipt (also written to done/ or error/ like a dropped file's). For rows about
     * formats, validation, batching, faults and dead letters, where a file drop adds nothing but waiting; the file
     * itself stays where it was written (beside the inbox), since only the file consumer moves files.
     */
    protected Receipt process(String name, String content) throws IOException {
        Path file = Files.createDirectories(data().resolve("taken")).resolve(name);
        Files.writeString(file, content);
        return template.requestBody("direct:process-input",
                new FileIntake(new InboxEntries(file.getParent())).toInput(name), Receipt.class);
    }

    /**
     * Waits until the input has left the inbox and its claim folder with its receipt in {@code dir} (the receipt is
     * written just before the file consumer moves the input), and returns the receipt.
     */
    protected JsonNode awaitReceipt(Path dir, String name) throws IOException {
        Path receipt = dir.resolve(name + ".receipt.json");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> Files.exists(receipt) && !Files.exists(inbox().resolve(name))
                             && !Files.exists(inbox().resolve(Claims.FOLDER).resolve(name)));
        return ExpressChatStub.read(Files.readString(receipt));
    }

    protected JsonNode awaitDone(String name) throws IOException {
        return awaitReceipt(done(), name);
    }

    protected JsonNode awaitRejected(String name) throws IOException {
        return awaitReceipt(error(), name);
    }

    protected static String ids(int count, int offset) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append(objectId(offset + i)).append('\n');
        }
        return lines.toString();
    }

    /** A valid 24-hex-digit object ID made from a number. */
    protected static String objectId(long n) {
        return String.format("%024x", n);
    }
}
