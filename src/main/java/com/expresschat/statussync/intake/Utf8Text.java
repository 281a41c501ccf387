package com.expresschat.statussync.intake;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;

/** Opens an input as strict UTF-8 text (BOM skipped), as a character stream or as bounded lines. */
public final class Utf8Text {

    /** Longest line accepted: far above any real row, far below what could hurt the heap. */
    public static final int MAX_LINE_LENGTH = 65_536;

    private Utf8Text() {
    }

    /** The input's characters; a bad byte or a NUL raises {@link CharacterCodingException}. */
    public static Reader reader(InputStream in) {
        return new StrictUtf8Reader(in);
    }

    /** The input's lines, each at most {@link #MAX_LINE_LENGTH} characters. */
    public static TextLines lines(InputStream in) {
        return new TextLines(reader(in), MAX_LINE_LENGTH);
    }

    static String notUtf8(long line) {
        return "not valid UTF-8 (near line " + line + ")";
    }

    /** Why text that raised {@code e} near {@code line} cannot be read: a bad byte, or a NUL. */
    static String unreadable(CharacterCodingException e, long line) {
        if (e instanceof NulCharacterException) {
            return "contains a NUL byte (near line " + line + "): inputs must be UTF-8 text, not UTF-16 or binary data";
        }
        return notUtf8(line);
    }

    static String lineTooLong(long line, int maxLength) {
        return "line " + line + " is longer than " + maxLength + " characters";
    }
}
