package com.expresschat.statussync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.LogCapture;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bad-input corpus (issue 4): inputs that are broken in the ways real files break. Each one is REJECTED
 * with a reason that names the problem, or handled as documented in docs/reliability.md ("Bad input"); never a
 * crash, a hang (every wait is bounded by awaitReceipt's 30 s) or a lost file: a rejected input lies in error/
 * byte for byte as it arrived, and nothing of it reached express-chat.
 *
 * <p>Small cases are files under {@code src/test/resources/bad-inputs/}; big or mechanical ones are generated
 * at test time, streamed to disk, and moved into the inbox complete.
 */
class BadInputCorpusTest extends StatusSyncTestSupport {

    private static final String CORPUS = "/bad-inputs/";
    private static final int LINE_LIMIT = 65_536;
    private static final long FIFTY_MB = 50L * 1024 * 1024;

    /** Writes an input's bytes. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What identifies an input's bytes without holding them: their size and SHA-256. */
    record Fingerprint(long size, String sha256) {
    }

    /** One row a rejection report must name: its line, and a fragment of its reason. */
    record BadRow(long line, String reason) {
    }

    static Stream<Arguments> rejectedInputs() {
        return Stream.of(
                // truncated UTF-8: "€" (E2 82 AC) cut after two bytes at the end; line 2 holds a valid "é"
                arguments("truncated-utf8.txt", corpus("truncated-utf8.txt"), "not valid UTF-8 (near line 3)"),
                // NUL bytes inside a line, in every format; a UTF-16 file without BOM is valid UTF-8 full of NULs
                arguments("nul-in-line.txt", corpus("nul-in-line.txt"), nul(2)),
                arguments("nul-in-line.csv", corpus("nul-in-line.csv"), nul(3)),
                arguments("nul-in-line.ndjson", corpus("nul-in-line.ndjson"), nul(2)),
                arguments("nul-in-line.json", corpus("nul-in-line.json"), nul(2)),
                arguments("utf16le-no-bom.txt", corpus("utf16le-no-bom.txt"), nul(1)),
                // CSV with mismatched quotes
                arguments("unclosed-quote.csv", corpus("unclosed-quote.csv"), "CSV is malformed near line 3"),
                arguments("text-after-quote.csv", corpus("text-after-quote.csv"), "CSV is malformed near line 3"),
                // JSON nested 10,000 deep: as the top-level value, and inside ids
                arguments("nested-arrays.json", nested("", "[", "]", ""),
                        "body 1 (line 1) is not a JSON object but an array"),
                arguments("nested-in-ids.json", nested("{\"ids\": [", "[", "]", "]}"),
                        "JSON is nested more than 1000 levels deep (near line 1)"),
                arguments("nested-objects.json", nested("{\"ids\": [", "{\"a\":", "}", "]}"),
                        "JSON is nested more than 1000 levels deep (near line 1)"),
                // zero-byte files, in every format
                arguments("zero-byte.txt", empty(), "the input holds no user IDs"),
                arguments("zero-byte.csv", empty(), "the input holds no user IDs"),
                arguments("zero-byte.json", empty(), "the input holds no user IDs"),
                arguments("zero-byte.ndjson", empty(), "the input holds no user IDs"),
                // a 50 MB single line without newline: the reader gives up at the line limit, heap stays bounded
                arguments("fifty-mb-line.txt", fiftyMbLine(""), tooLong("line 1")),
                arguments("fifty-mb-line.csv", fiftyMbLine("id,"), tooLong("line 1")),
                arguments("fifty-mb-line.ndjson", fiftyMbLine("{\"id\": \""), tooLong("line 1")),
                arguments("fifty-mb-line.json", fiftyMbLine("{\"ids\": [\""), tooLong("a JSON string near line 1")),
                // inputs that hold nothing usable, or are not what their name says
                arguments("blank.txt", text("   \n\t\n  \n"), "no user IDs"),
                arguments("comments-only.txt", text("# nothing\n"), "no user IDs"),
                arguments("malformed.json", text("{\"ids\": [\"640f472d173951357f08edee\""), "malformed JSON"),
                arguments("no-id-column.csv", text("userid_x,status\n640f472d173951357f08edee,DELETED\n"),
                        "no id column"),
                arguments("report.xlsx", text("640f472d173951357f08edee"), "not a known input format"),
                // binary garbage in every format: rejected, whatever the reason the reader gives
                arguments("garbage.txt", garbage(), ""),
                arguments("garbage.csv", garbage(), ""),
                arguments("garbage.json", garbage(), ""),
                arguments("garbage.ndjson", garbage(), ""));
    }

    /** The reader stopped at the line limit rather than reading on: what it holds stays bounded. */
    private static String tooLong(String what) {
        return what + " is longer than " + LINE_LIMIT + " characters";
    }

    private static String nul(int line) {
        return "contains a NUL byte (near line " + line + "): inputs must be UTF-8 text, not UTF-16 or binary data";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedInputs")
    void isRejectedWithAReasonNamingTheProblem(String name, Content content, String reason) throws Exception {
        expressChat.acceptAll();
        int logMark = LogCapture.text().length();
        Fingerprint original = dropComplete(name, content);

        JsonNode receipt = awaitRejected(name);

        assertRejectedUnchanged(name, original, receipt, reason);
        assertThat(LogCapture.text().substring(logMark)).as("no failure logged").doesNotContain("ERROR");
    }

    static Stream<Arguments> inputsWithBadRows() {
        return Stream.of(
                // JSON with wrong types: ids as a string, ids holding numbers, null, objects, booleans
                arguments("ids-as-string.json", "all 1 rows are invalid",
                        List.of(new BadRow(1, "ids must be an array"))),
                // subscriberIds that are no array spoil the body's IDs: none may go out without its subscriber
                arguments("subscriber-ids-as-string.json", "all 1 rows are invalid",
                        List.of(new BadRow(1, "subscriberIds must be an array"))),
                // so does a status that is no string: it never becomes the default
                arguments("status-as-number.json", "all 1 rows are invalid",
                        List.of(new BadRow(2, "status must be a string, not a number"))),
                arguments("ids-wrong-elements.json", "4 of 5 rows are invalid", List.of(
                        new BadRow(4, "ids[1] must be a string"),
                        new BadRow(5, "ids[2] must be a string"),
                        new BadRow(6, "ids[3] must be a string"),
                        new BadRow(7, "ids[4] must be a string"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputsWithBadRows")
    void isRejectedNamingEachBadRow(String name, String reason, List<BadRow> badRows) throws Exception {
        expressChat.acceptAll();
        Fingerprint original = dropComplete(name, corpus(name));

        JsonNode receipt = awaitRejected(name);

        JsonNode report = assertRejectedUnchanged(name, original, receipt, reason);
        assertThat(report.path("invalidRowCount").asLong()).isEqualTo(badRows.size());
        assertThat(report.path("invalidRows")).hasSize(badRows.size());
        for (int i = 0; i < badRows.size(); i++) {
            JsonNode row = report.path("invalidRows").get(i);
            assertThat(row.path("line").asLong()).as(row.toString()).isEqualTo(badRows.get(i).line());
            assertThat(row.path("reason").asText()).as(row.toString()).contains(badRows.get(i).reason());
        }
    }

    @Test
    void tenThousandInvalidRowsAreCountedAndTheFirstHundredNamed() throws Exception {
        expressChat.acceptAll();
        String name = "ten-thousand-bad.txt";
        Fingerprint original = dropComplete(name, out -> {
            out.write((objectId(1) + "\n").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 10_000; i++) {
                out.write(("not-an-id-" + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });

        JsonNode receipt = awaitRejected(name);

        JsonNode report = assertRejectedUnchanged(name, original, receipt, "10000 of 10001 rows are invalid");
        assertThat(receipt.path("counts").path("rows").asLong()).isEqualTo(10_001);
        assertThat(receipt.path("counts").path("invalid").asLong()).isEqualTo(10_000);
        assertThat(report.path("invalidRowCount").asLong()).isEqualTo(10_000);
        assertThat(report.path("invalidRows")).hasSize(100);
        assertThat(report.path("invalidRows").get(0).path("line").asLong()).isEqualTo(2);
        assertThat(report.path("invalidRows").get(0).path("value").asText()).isEqualTo("not-an-id-0");
        assertThat(report.path("invalidRows").get(99).path("line").asLong()).isEqualTo(101);
        assertThat(report.path("invalidRows").get(99).path("value").asText()).isEqualTo("not-an-id-99");
    }

    @Test
    void aNameWithSpacesAndUnicodeIsDeliveredAndArchivedUnderThatName() throws Exception {
        expressChat.acceptAll();
        String name = "Liste à supprimer – 2026.txt";
        Fingerprint original = dropComplete(name, corpus("valid-ids.txt"));

        JsonNode receipt = awaitDone(name);

        assertThat(receipt.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(receipt.path("input").asText()).isEqualTo(name);
        assertThat(receipt.path("archivedAs").asText()).isEqualTo(done().resolve(name).toString());
        assertThat(fingerprint(done().resolve(name))).isEqualTo(original);
        assertThat(expressChat.receivedIds()).containsExactly("640f472d173951357f08edee", "640f472d173951357f08edef");
    }

    /**
     * A symbolic link is never followed (FileIntake): Camel's file consumer would read through it, and then move the
     * link, not its target. Here it is REJECTED unread; the link itself goes to error/ and the target is untouched.
     */
    @Test
    void aSymlinkToAFileOutsideTheInboxIsRejectedAndItsTargetLeftUntouched() throws Exception {
        expressChat.acceptAll();
        Path target = outside("ids.txt");
        Files.createDirectories(inbox());
        Files.createSymbolicLink(inbox().resolve("linked.txt"), target);

        JsonNode receipt = awaitRejected("linked.txt");

        assertThat(receipt.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(receipt.path("reason").asText()).isEqualTo("'linked.txt' is a symbolic link, which is never "
                + "followed: copy or move the file itself into the inbox");
        assertThat(error().resolve("linked.txt.error.json")).exists();
        assertThat(Files.readSymbolicLink(error().resolve("linked.txt"))).isEqualTo(target);
        assertThat(Files.readAllBytes(target)).isEqualTo(corpusBytes("valid-ids.txt"));
        assertThat(expressChat.requests()).isEmpty();
    }

    /**
     * A dangling link is skipped by Camel's read lock (its target does not exist) at every poll: it stays in the
     * inbox untouched, and is rejected like any other link once its target appears.
     */
    @Test
    void aDanglingSymlinkStaysInTheInboxUntilItsTargetAppears() throws Exception {
        expressChat.acceptAll();
        Path target = data().resolve("outside").resolve("later.txt");
        Files.createDirectories(inbox());
        Files.createSymbolicLink(inbox().resolve("dangling.txt"), target);
        dropComplete("after.txt", ids(1, 1));

        awaitDone("after.txt");

        assertThat(inbox().resolve("dangling.txt")).isSymbolicLink();
        assertThat(error().resolve("dangling.txt")).doesNotExist();
        assertThat(expressChat.receivedIds()).containsExactly(objectId(1));

        assertThat(outside("later.txt")).isEqualTo(target);
        assertThat(awaitRejected("dangling.txt").path("reason").asText()).contains("is a symbolic link");
        assertThat(Files.readSymbolicLink(error().resolve("dangling.txt"))).isEqualTo(target);
        assertThat(target).exists();
        assertThat(expressChat.receivedIds()).containsExactly(objectId(1));
    }

    /** The generated 50 MB inputs are not kept under target/ once checked: four of them a run add up. */
    @AfterEach
    void deleteBigFiles() throws IOException {
        if (!Files.isDirectory(data())) {
            return;
        }
        try (Stream<Path> files = Files.walk(data())) {
            for (Path file : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                if (Files.size(file) > FIFTY_MB / 2) {
                    Files.delete(file);
                }
            }
        }
    }

    // ---- helpers

    /** A copy of the valid corpus file in a folder beside the inbox (not watched by anything). */
    private Path outside(String name) throws IOException {
        Path file = Files.createDirectories(data().resolve("outside")).resolve(name);
        Files.write(file, corpusBytes("valid-ids.txt"));
        return file;
    }

    private static byte[] corpusBytes(String file) throws IOException {
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream(CORPUS + file)) {
            if (in == null) {
                throw new IOException("no corpus file " + file);
            }
            return in.readAllBytes();
        }
    }

    /** Asserts a REJECTED input: reason, bytes unchanged in error/, an error report, nothing sent. */
    private JsonNode assertRejectedUnchanged(String name, Fingerprint original, JsonNode receipt, String reason)
            throws IOException {
        assertThat(receipt.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(receipt.path("reason").asText()).as(receipt.toPrettyString()).contains(reason);
        assertThat(fingerprint(error().resolve(name))).as("the input in error/, as it arrived").isEqualTo(original);
        JsonNode report = ExpressChatStub.read(Files.readString(error().resolve(name + ".error.json")));
        assertThat(report.path("reason").asText()).isEqualTo(receipt.path("reason").asText());
        assertThat(inbox().resolve(name)).doesNotExist();
        assertThat(expressChat.requests()).isEmpty();
        return report;
    }

    /**
     * Streams the content to a staging file beside the inbox, then moves it in at once as a complete file
     * ({@link #moveIn}), so the intake never sees it half-written (50 MB take longer to write than the stable-for
     * check waits) and takes it at its next poll. Returns its fingerprint.
     */
    private Fingerprint dropComplete(String name, Content content) throws IOException {
        Path staging = Files.createDirectories(data().resolve("staging")).resolve(name);
        MessageDigest sha256 = sha256();
        try (OutputStream out = new DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(staging), 64 * 1024), sha256)) {
            content.writeTo(out);
        }
        Fingerprint fingerprint = new Fingerprint(Files.size(staging), HexFormat.of().formatHex(sha256.digest()));
        moveIn(staging, name);
        return fingerprint;
    }

    private static Fingerprint fingerprint(Path file) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return new Fingerprint(Files.size(file), HexFormat.of().formatHex(sha256.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file of the committed corpus. */
    private static Content corpus(String file) {
        return out -> out.write(corpusBytes(file));
    }

    private static Content text(String text) {
        return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** 4 KB of random bytes, the same every run. */
    private static Content garbage() {
        return out -> {
            byte[] garbage = new byte[4096];
            new java.util.Random(42).nextBytes(garbage);
            out.write(garbage);
        };
    }

    private static Content empty() {
        return out -> {
        };
    }

    /** 10,000 levels of nesting between a head and a tail. */
    private static Content nested(String head, String open, String close, String tail) {
        return out -> {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(open.repeat(10_000).getBytes(StandardCharsets.UTF_8));
            out.write(close.repeat(10_000).getBytes(StandardCharsets.UTF_8));
            out.write(tail.getBytes(StandardCharsets.UTF_8));
        };
    }

    /** Exactly 50 MB: the head, then hex digits up to the size, and no newline anywhere; written 64 KB at a time. */
    private static Content fiftyMbLine(String head) {
        return out -> {
            byte[] start = head.getBytes(StandardCharsets.UTF_8);
            out.write(start);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            for (long left = FIFTY_MB - start.length; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        };
    }
}
