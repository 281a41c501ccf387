package com.expresschat.statussync.intake;

import static com.expresschat.statussync.intake.Rows.bytes;
import static com.expresschat.statussync.intake.Rows.concat;
import static com.expresschat.statussync.intake.Rows.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.expresschat.statussync.model.InputRejectedException;

class Utf8TextTest {

    private static List<String> lines(InputStream in) throws IOException, InputRejectedException {
        try (TextLines lines = Utf8Text.lines(in)) {
            List<String> all = new ArrayList<>();
            for (String line = lines.next(); line != null; line = lines.next()) {
                all.add(line);
                assertThat(lines.lineNumber()).isEqualTo(all.size());
            }
            return all;
        }
    }

    private static List<String> lines(byte[] bytes) throws IOException, InputRejectedException {
        return lines(new ByteArrayInputStream(bytes));
    }

    @Test
    void splitsLfAndCrlfAndKeepsALastLineWithoutNewline() throws Exception {
        assertThat(lines(utf8("a\nb\r\n\r\nc"))).containsExactly("a", "b", "", "c");
        assertThat(lines(utf8("a\n"))).containsExactly("a");
        assertThat(lines(utf8("\n"))).containsExactly("");
        assertThat(lines(utf8(""))).isEmpty();
    }

    @Test
    void skipsALeadingBomOnly() throws Exception {
        assertThat(lines(utf8("\uFEFFa\n\uFEFFb"))).containsExactly("a", "\uFEFFb");
        assertThat(lines(utf8("\uFEFF"))).isEmpty();
    }

    @Test
    void decodesMultiByteCharactersAcrossBufferBoundaries() throws Exception {
        String text = "é".repeat(10_000) + "😀".repeat(5_000);
        assertThat(lines(utf8(text + "\n" + text))).containsExactly(text, text);
    }

    @Test
    void rejectsATruncatedSequenceAtTheEnd() {
        byte[] input = concat(utf8("a\nb\nc"), bytes(0xC3));
        assertThatThrownBy(() -> lines(input))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage("not valid UTF-8 (near line 3)");
    }

    @Test
    void rejectsInvalidBytesAndNamesTheirLine() {
        byte[] input = concat(utf8("a\nb\n"), bytes(0xFF, 0xFF), utf8("\nd\n"));
        assertThatThrownBy(() -> lines(input))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage("not valid UTF-8 (near line 3)");
    }

    @Test
    void namesTheLineOfABadByteFarIntoTheInput() {
        // 0xC3 starts a two-byte sequence, '(' cannot continue it
        InputStream input = new SequenceInputStream(
                GeneratedInput.repeat("", "line\n", 39_999, ""),
                new SequenceInputStream(new ByteArrayInputStream(concat(utf8("x"), bytes(0xC3, 0x28), utf8("\n"))),
                        GeneratedInput.repeat("", "line\n", 10_000, "")));
        assertThatThrownBy(() -> lines(input))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage("not valid UTF-8 (near line 40000)");
    }

    @Test
    void rejectsANulByteNamingItsLineAfterHandingOutTheLinesBeforeIt() throws Exception {
        try (TextLines lines = Utf8Text.lines(new ByteArrayInputStream(utf8("a\nb\nc\u0000d\ne\n")))) {
            assertThat(lines.next()).isEqualTo("a");
            assertThat(lines.next()).isEqualTo("b");
            assertThatThrownBy(lines::next)
                    .isInstanceOf(InputRejectedException.class)
                    .hasMessage("contains a NUL byte (near line 3): inputs must be UTF-8 text, not UTF-16 or "
                            + "binary data");
        }
    }

    @Test
    void rejectsUtf16WithoutBomAsNulBytesRatherThanReadingItAsText() {
        // UTF-16LE without BOM is valid UTF-8: ASCII with a NUL after every character
        byte[] utf16 = "640f472d173951357f08edee\n".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> lines(utf16))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageStartingWith("contains a NUL byte (near line 1)");
    }

    static Stream<Arguments> nulInEveryFormat() {
        String id = Rows.ID_1;
        return Stream.of(
                Arguments.of(InputFormat.PLAIN_LIST, id + "\n" + id.substring(0, 8) + "\u0000" + id.substring(8), 2),
                Arguments.of(InputFormat.CSV, "id\n" + id + "\n" + id + "\u0000\n", 3),
                Arguments.of(InputFormat.NDJSON, "{\"id\":\"" + id + "\"}\n{\"id\":\"\u0000" + id + "\"}\n", 2),
                Arguments.of(InputFormat.JSON, "{\"ids\": [\"" + id + "\",\n \"\u0000" + id + "\"]}", 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nulInEveryFormat")
    void everyFormatRejectsANulByteNamingItsLine(InputFormat format, String text, int line) {
        assertThatThrownBy(() -> Rows.read(format, text))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage("contains a NUL byte (near line " + line + "): inputs must be UTF-8 text, not UTF-16 or "
                        + "binary data");
    }

    @Test
    void acceptsALineOfExactlyTheLimitWithCrlf() throws Exception {
        String longest = "x".repeat(Utf8Text.MAX_LINE_LENGTH);
        assertThat(lines(utf8(longest + "\r\nb"))).containsExactly(longest, "b");
        assertThat(lines(utf8(longest))).containsExactly(longest);
    }

    @Test
    void rejectsALineOneOverTheLimit() {
        String tooLong = "x".repeat(Utf8Text.MAX_LINE_LENGTH + 1);
        assertThatThrownBy(() -> lines(utf8("a\n" + tooLong + "\n")))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage("line 2 is longer than 65536 characters");
        assertThatThrownBy(() -> lines(utf8(tooLong)))
                .hasMessage("line 1 is longer than 65536 characters");
    }

    @Test
    void rejectsAFiftyMegabyteLineAfterReadingOnlyItsStart() {
        GeneratedInput input = GeneratedInput.repeat("ok\n", "0123456789", 5_000_000, "\n");
        assertThatThrownBy(() -> lines(input))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage("line 2 is longer than 65536 characters");
        assertThat(input.bytesRead()).isLessThan(100_000);
    }
}
