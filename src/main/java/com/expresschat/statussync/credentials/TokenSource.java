package com.expresschat.statussync.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;


/**
 * The express-chat bearer token (§7): from {@code EXPRESS_CHAT_TOKEN} (setting
 * {@code statussync.express-chat.token}), or from the file named by {@code EXPRESS_CHAT_TOKEN_FILE}
 * (setting {@code statussync.express-chat.token-file}), so that a rotated token is used without a restart.
 *
 * <p>The file is read again as soon as its time stamp or size changes, and at least every {@link #RECHECK} whatever
 * they say (its content decides: a corrected file copied with {@code cp -p}, or on a file system with coarse time
 * stamps, is still picked up; reading a few bytes once a second costs nothing). A file that is missing, empty
 * (say, truncated before it is rewritten) or unreadable never replaces a good token: the last good one stays in
 * use, and {@link #problem()} says what is wrong. Without any good token, {@link #current()} is empty and
 * nothing may be sent (DeliveryGate holds the batches). Every token read is added to the {@link Secrets} to be
 * scrubbed; the token is never logged: {@link #toString()} hides it.
 */
public class TokenSource {

    /** How often the token file is read even when its time stamp and size did not change. */
    public static final Duration RECHECK = Duration.ofSeconds(1);

    private final String token;
    private final Path tokenFile;
    private final Secrets secrets;
    private final LongSupplier nanoTime;
    private volatile String current;
    private volatile String problem;
    private long readAt;
    private FileTime readModified;
    private long readSize = -1;

    public TokenSource(String token, String tokenFile) {
        this(token, tokenFile, new Secrets(), System::nanoTime);
    }

    public TokenSource(String token, String tokenFile, Secrets secrets, LongSupplier nanoTime) {
        this.token = token == null ? "" : token.trim();
        this.tokenFile = tokenFile == null || tokenFile.isBlank() ? null : Path.of(tokenFile.trim());
        this.secrets = secrets;
        this.nanoTime = nanoTime;
        secrets.add(this.token);
    }

    /** True when there is a token to send (see {@link #current()}); the prod profile refuses to start without. */
    public boolean isConfigured() {
        return current().isPresent();
    }

    /** The token to send: the direct one, or the last good one read from the token file; empty when there is none. */
    public Optional<String> current() {
        if (tokenFile == null) {
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        refresh();
        return Optional.ofNullable(current);
    }

    /** The current token, or an empty string when there is none (for comparing, never for sending). */
    public String token() {
        return current().orElse("");
    }

    /** What is wrong with the token file right now (missing, empty, unreadable), or null when it is fine. */
    public String problem() {
        if (tokenFile == null) {
            return token.isEmpty() ? "no token is configured (EXPRESS_CHAT_TOKEN or EXPRESS_CHAT_TOKEN_FILE)" : null;
        }
        refresh();
        return problem;
    }

    /** The token file, or null when the token is given directly. */
    public Path file() {
        return tokenFile;
    }

    private synchronized void refresh() {
        long now = nanoTime.getAsLong();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(tokenFile, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            problem = "the token file " + tokenFile + " is missing";
            return;
        } catch (IOException e) {
            problem = "the token file " + tokenFile + " cannot be read (" + e.getClass().getSimpleName() + ")";
            return;
        }
        boolean changed = !attributes.lastModifiedTime().equals(readModified) || attributes.size() != readSize;
        if (!changed && current != null && problem == null && now - readAt < RECHECK.toNanos()) {
            return;
        }
        readAt = now;
        readModified = attributes.lastModifiedTime();
        readSize = attributes.size();
        String read;
        try {
            read = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            problem = "the token file " + tokenFile + " cannot be read (" + e.getClass().getSimpleName() + ")";
            return;
        }
        if (read.isEmpty()) {
            problem = "the token file " + tokenFile + " is empty";
            return;
        }
        secrets.add(read);
        current = read;
        problem = null;
    }

    /** Where the token comes from, safe to log. */
    public String describe() {
        return tokenFile != null ? "file " + tokenFile : token.isEmpty() ? "none" : "EXPRESS_CHAT_TOKEN";
    }

    @Override
    public String toString() {
        return "TokenSource[" + describe() + "]";
    }
}
