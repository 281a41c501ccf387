package com.expresschat.statussync.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
        assertThat(missing.current()).isEmpty();
        assertThat(missing.problem()).contains("no-such-file").contains("is missing");
        assertThat(empty.isConfigured()).isFalse();
        assertThat(empty.current()).isEmpty();
        assertThat(empty.problem()).contains("is empty");
    }

    @Test
    void anEmptiedOrDeletedTokenFileNeverReplacesTheLastGoodToken() throws IOException {
        Path file = tokenFile(SECRET, ROTATED_AT);
        TokenSource tokens = new TokenSource(null, file.toString());
        assertThat(tokens.current()).contains(SECRET);

        Files.write(file, new byte[0]); // truncated, as a non-atomic rewrite does first
        assertThat(tokens.current()).contains(SECRET);
        assertThat(tokens.problem()).contains("is empty");

        Files.delete(file);
        assertThat(tokens.current()).contains(SECRET);
        assertThat(tokens.problem()).contains("is missing");

        tokenFile("rotated-token", ROTATED_AT);
        assertThat(tokens.current()).contains("rotated-token");
        assertThat(tokens.problem()).isNull();
    }

    @Test
    void aChangedContentWithTheSameTimeStampAndSizeIsReadWithinTheRecheckInterval() throws IOException {
        long[] now = { 0 };
        Path file = tokenFile("token-AAAA", ROTATED_AT);
        TokenSource tokens = new TokenSource(null, file.toString(), new Secrets(), () -> now[0]);
        assertThat(tokens.current()).contains("token-AAAA");

        tokenFile("token-BBBB", ROTATED_AT); // as cp -p would: same size, same time stamp
        assertThat(tokens.current()).as("read again only after the interval").contains("token-AAAA");

        now[0] += TokenSource.RECHECK.toNanos();
        assertThat(tokens.current()).contains("token-BBBB");
    }

    @Test
    void everyTokenReadIsScrubbedFromText() throws IOException {
        Secrets secrets = new Secrets();
        Path file = tokenFile("first/token-value", ROTATED_AT);
        TokenSource tokens = new TokenSource(null, file.toString(), secrets, System::nanoTime);
        tokens.current();
        tokenFile("second-token-value", ROTATED_AT.plusSeconds(60));
        tokens.current();

        assertThat(secrets.scrub("{\"auth\":\"Bearer first\\/token-value\", \"b\":\"first/token-value second-token-value\"}"))
                .isEqualTo("{\"auth\":\"Bearer ****\", \"b\":\"**** ****\"}");
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
