package com.expresschat.statussync.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** FileNames: a name's bytes, its printable (one-line, escaped) form and its safe form. */
class FileNamesTest {

    private static byte[] utf8(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void printableEscapesBackslashesControlCharactersAndBytesThatAreNotUtf8() {
        assertThat(FileNames.printable(utf8("a\\b.txt"))).isEqualTo("a\\\\b.txt");
        assertThat(FileNames.printable(utf8("one\ntwo\r\tthree\u001b[31m.txt"))).isEqualTo("one\\ntwo\\r\\tthree\\x1b[31m.txt");
        assertThat(FileNames.printable(utf8("line\u2028sep\u202e.txt"))).isEqualTo("line\\u2028sep\\u202e.txt");
        assertThat(FileNames.printable(new byte[] { 'b', 'a', 'd', (byte) 0xFF, (byte) 0xC3, '.', 't' }))
                .isEqualTo("bad\\xff\\xc3.t");
        assertThat(FileNames.printable(utf8("h\u00e9llo \u4e16\u754c.txt"))).isEqualTo("h\u00e9llo \u4e16\u754c.txt");
    }

    @Test
    void safeNamesAreOnePlainSegment() {
        assertThat(FileNames.safe(utf8("a\\..\\..\\outside\\x.txt"))).isEqualTo("a%5C..%5C..%5Coutside%5Cx.txt");
        assertThat(FileNames.safe(utf8("new\nline%.txt"))).isEqualTo("new%0Aline%25.txt");
        assertThat(FileNames.safe(new byte[] { 'b', (byte) 0xFF, '.', 't', 'x', 't' })).isEqualTo("b%FF.txt");
        assertThat(FileNames.safe(utf8("\\.hidden"))).isEqualTo("%5C.hidden");
    }

    @Test
    void aLongSafeNameIsShortenedAndKeepsItsExtension() {
        String safe = FileNames.safe(utf8("\u00e9".repeat(150) + ".ndjson"));

        assertThat(safe.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileNames.MAX_SAFE_NAME_BYTES);
        assertThat(safe).endsWith("~.ndjson").startsWith("\u00e9\u00e9");
    }

    @Test
    void theBytesOfAPathAreItsNameExactly() {
        assertThat(FileNames.bytesOf(Path.of("/in/box/h\u00e9 llo%.txt"))).isEqualTo(utf8("h\u00e9 llo%.txt"));
        assertThat(FileNames.isUtf8(utf8("h\u00e9"))).isTrue();
        assertThat(FileNames.isUtf8(new byte[] { (byte) 0xC3 })).isFalse();
    }
}
