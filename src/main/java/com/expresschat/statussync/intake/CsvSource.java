package com.expresschat.statussync.intake;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The text fed to Commons CSV. On the way through it
 * <ul>
 *   <li>rejects a physical line longer than the limit, so a huge single-line file is never buffered;</li>
 *   <li>tags a UTF-8 error with its line;</li>
 *   <li>remembers where each non-blank line starts, so that a record's character position can be turned
 *       into the line its content starts on, even across skipped blank lines and quoted multi-line fields.</li>
 * </ul>
 * Only the line starts that Commons CSV has read ahead but not yet returned are kept: a bounded window.
 */
final class CsvSource extends Reader {

    private record LineStart(long position, long line) {
    }

    private final Reader in;
    private final int maxLineLength;
    private final Deque<LineStart> lineStarts = new ArrayDeque<>();
    private long position;
    private long line = 1;
    private int lineLength;
    private boolean lineHasContent;

    CsvSource(Reader in, int maxLineLength) {
        this.in = in;
        this.maxLineLength = maxLineLength;
    }

    @Override
    public int read(char[] target, int off, int len) throws IOException {
        int n;
        try {
            n = in.read(target, off, len);
        } catch (CharacterCodingException e) {
            throw new TextRejectedException(Utf8Text.unreadable(e, line), e);
        }
        for (int i = off; i < off + n; i++) {
            track(target[i]);
        }
        return n;
    }

    private void track(char c) throws TextRejectedException {
        if (c == '\n') {
            line++;
            lineLength = 0;
            lineHasContent = false;
        } else if (c != '\r') {
            if (++lineLength > maxLineLength) {
                throw new TextRejectedException(Utf8Text.lineTooLong(line, maxLineLength), null);
            }
            if (!lineHasContent && !Character.isWhitespace(c)) {
                lineHasContent = true;
                lineStarts.add(new LineStart(position, line));
            }
        }
        position++;
    }

    /**
     * The line of the first non-blank character at or after {@code characterPosition}.
     * Positions must be asked in increasing order (as records come).
     */
    long lineAt(long characterPosition) {
        while (!lineStarts.isEmpty() && lineStarts.peekFirst().position() < characterPosition) {
            lineStarts.removeFirst();
        }
        return lineStarts.isEmpty() ? line : lineStarts.peekFirst().line();
    }

    /** The line the next unread character belongs to. */
    long currentLine() {
        return line;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
