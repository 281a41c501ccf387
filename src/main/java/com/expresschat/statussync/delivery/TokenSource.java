package com.expresschat.statussync.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The express-chat bearer token (§7): from {@code EXPRESS_CHAT_TOKEN} (setting
 * {@code statussync.express-chat.token}), or from the file named by {@code EXPRESS_CHAT_TOKEN_FILE}
 * (setting {@code statussync.express-chat.token-file}), which is read again whenever it changes so that
 * a rotated token is used without a restart. The token is never logged: {@link #toString()} hides it.
 */
public class TokenSource {

    private final String token;
    private final Path tokenFile;
    private volatile FileToken cached;

    public TokenSource(String token, String tokenFile) {
        this.token = token == null ? "" : token.trim();
        this.tokenFile = tokenFile == null || tokenFile.isBlank() ? null : Path.of(tokenFile.trim());
    }

    /**
     * True when there is a token to send: given directly, or in a token file that can be read and is not
     * empty. A token file that is missing or empty is no token (the prod profile then refuses to start).
     */
    public boolean isConfigured() {
        try {
            return !token().isEmpty();
        } catch (UncheckedIOException unreadable) {
            return false;
        }
    }

    /** The current token; an empty string when none is configured. */
    public String token() {
        if (tokenFile == null) {
            return token;
        }
        try {
            long modified = Files.getLastModifiedTime(tokenFile).toMillis();
            FileToken current = cached;
            if (current == null || current.modified != modified) {
                current = new FileToken(modified, Files.readString(tokenFile, StandardCharsets.UTF_8).trim());
                cached = current;
            }
            return current.token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the express-chat token file " + tokenFile, e);
        }
    }

    /** Where the token comes from, safe to log. */
    public String describe() {
        return tokenFile != null ? "file " + tokenFile : token.isEmpty() ? "none" : "EXPRESS_CHAT_TOKEN";
    }

    @Override
    public String toString() {
        return "TokenSource[" + describe() + "]";
    }

    private record FileToken(long modified, String token) {
        @Override
        public String toString() {
            return "FileToken[****]";
        }
    }
}
