package com.expresschat.statussync.intake;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

/**
 * An input generated piece by piece as it is read, so a test can feed megabytes without holding them,
 * and can tell how far a reader has read ({@link #bytesRead()}).
 */
final class GeneratedInput extends InputStream {

    private final String head;
    private final long pieces;
    private final LongFunction<String> piece;
    private final String tail;
    private long next = -1; // -1: the head, pieces..: the tail, then the end
    private byte[] current = new byte[0];
    private int position;
    private long bytesRead;

    GeneratedInput(String head, long pieces, LongFunction<String> piece, String tail) {
        this.head = head;
        this.pieces = pieces;
        this.piece = piece;
        this.tail = tail;
    }

    /** One line repeated {@code count} times (e.g. one huge line, when the piece has no newline). */
    static GeneratedInput repeat(String head, String piece, long count, String tail) {
        return new GeneratedInput(head, count, i -> piece, tail);
    }

    long bytesRead() {
        return bytesRead;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int off, int len) {
        if (len == 0) {
            return 0;
        }
        while (position == current.length) {
            if (!advance()) {
                return -1;
            }
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, target, off, n);
        position += n;
        bytesRead += n;
        return n;
    }

    private boolean advance() {
        String text;
        if (next == -1) {
            text = head;
        } else if (next < pieces) {
            text = piece.apply(next);
        } else if (next == pieces) {
            text = tail;
        } else {
            return false;
        }
        next++;
        current = text.getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }
}
