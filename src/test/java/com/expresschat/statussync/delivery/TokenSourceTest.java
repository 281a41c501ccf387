package com.expresschat.statussync.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TokenSource (§7): the bearer token, given directly or by a file that may be rotated; never shown. */
class TokenSourceTest {

    private static final String SECRET = "s3cr3t-token-value";
    private static final Instant ROTATED_AT = Instant.parse("2025-03-01T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aDirectTokenIsUsedTrimmed() {
        TokenSource tokens = new TokenSource("  " + SECRET + "\n", null);

        assertThat(tokens.token()).isEqualTo(SECRET);
        assertThat(tokens.isConfigured()).isTrue();
    }

    @Test
    void withoutATokenNothingIsConfigured() {
        for (TokenSource none : new TokenSource[] { new TokenSource(null, null), new TokenSource(" ", " ") }) {
            assertThat(none.isConfigured()).isFalse();
            assertThat(none.token()).isEmpty();
            assertThat(none.describe()).isEqualTo("none");
        }
    }

    @Test
    void aTokenFileIsReadTrimmed() throws IOException {
        TokenSource tokens = new TokenSource(null, tokenFile(SECRET + "\n", ROTATED_AT).toString());

        assertThat(tokens.token()).isEqualTo(SECRET);
        assertThat(tokens.isConfigured()).isTrue();
    }

    @Test
    void aTokenFileIsReadAgainWhenItChanges() throws IOException {
        Path file = tokenFile("first-token", ROTATED_AT);
        TokenSource tokens = new TokenSource(null, file.toString());
        assertThat(tokens.token()).isEqualTo("first-token");

        tokenFile("second-token", ROTATED_AT.plusSeconds(3600));

        assertThat(tokens.token()).isEqualTo("second-token");
    }

    @Test
    void aMissingOrEmptyTokenFileIsNoToken() throws IOException {
        TokenSource missing = new TokenSource(null, dir.resolve("no-such-file").toString());
        TokenSource empty = new TokenSource(null, tokenFile("\n", ROTATED_AT).toString());

        assertThat(missing.isConfigured()).isFalse();
        assertThatThrownBy(missing::token).isInstanceOf(UncheckedIOException.class).hasMessageContaining("no-such-file");
        assertThat(empty.isConfigured()).isFalse();
        assertThat(empty.token()).isEmpty();
    }

    @Test
    void neverShowsTheToken() throws IOException {
        TokenSource direct = new TokenSource(SECRET, null);
        TokenSource fromFile = new TokenSource(null, tokenFile(SECRET, ROTATED_AT).toString());
        fromFile.token(); // cached now: the cache must not show either

        assertThat(direct.describe()).isEqualTo("EXPRESS_CHAT_TOKEN");
        assertThat(direct.toString()).isEqualTo("TokenSource[EXPRESS_CHAT_TOKEN]");
        assertThat(fromFile.describe()).isEqualTo("file " + dir.resolve("token"));
        assertThat(fromFile.toString()).doesNotContain(SECRET);
    }

    /** Writes the token file with the given modification time, as a rotation would. */
    private Path tokenFile(String content, Instant modified) throws IOException {
        Path file = Files.writeString(dir.resolve("token"), content);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
