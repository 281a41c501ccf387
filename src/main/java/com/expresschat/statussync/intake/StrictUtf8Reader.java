package com.expresschat.statussync.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Decodes UTF-8 strictly: a malformed or truncated sequence raises a {@link CharacterCodingException}
 * instead of becoming U+FFFD, because a silently mangled ID must never be sent. A leading BOM is dropped.
 *
 * <p>A NUL character is refused the same way ({@link NulCharacterException}): it is valid UTF-8, but only UTF-16 or
 * binary data holds one, and read as text it would only turn every row into a puzzling invalid ID.
 *
 * <p>Unlike {@link java.io.InputStreamReader}, the characters decoded before a bad byte are handed out
 * before the error is raised, so the caller knows the exact line of the bad byte.
 */
final class StrictUtf8Reader extends Reader {

    private static final char BOM = '\uFEFF';

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private final CharBuffer chars = CharBuffer.allocate(8192).flip();
    private boolean endOfInput;
    private boolean finished;
    private boolean atStart = true;
    private CharacterCodingException pendingError;

    StrictUtf8Reader(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    @Override
    public int read(char[] target, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, target.length);
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!decodeMore()) {
                return -1;
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(target, off, n);
        return n;
    }

    /** Decodes the next chunk into {@code chars} (possibly none); false at the end of the input. */
    private boolean decodeMore() throws IOException {
        if (pendingError != null) {
            throw pendingError;
        }
        if (finished) {
            return false;
        }
        if (!endOfInput) {
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
        chars.clear();
        CoderResult result = decoder.decode(bytes, chars, endOfInput);
        if (result.isError()) {
            pendingError = asException(result);
        } else if (endOfInput && result.isUnderflow()) {
            decoder.flush(chars);
            finished = true;
        }
        chars.flip();
        skipBom();
        stopAtNul();
        return true;
    }

    /** Hands out the characters before a NUL, then raises the error (it comes before any decoding error). */
    private void stopAtNul() {
        for (int i = chars.position(); i < chars.limit(); i++) {
            if (chars.get(i) == '\0') {
                chars.limit(i);
                pendingError = new NulCharacterException();
                return;
            }
        }
    }

    private void skipBom() {
        if (atStart && chars.hasRemaining()) {
            atStart = false;
            if (chars.get(chars.position()) == BOM) {
                chars.get();
            }
        }
    }

    private static CharacterCodingException asException(CoderResult result) {
        try {
            result.throwException();
        } catch (CharacterCodingException e) {
            return e;
        }
        throw new IllegalStateException("not an error: " + result);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
