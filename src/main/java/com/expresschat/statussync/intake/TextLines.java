package com.expresschat.statussync.intake;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;

import com.expresschat.statussync.model.InputRejectedException;

/**
 * Splits text into lines (LF or CRLF; the last line may lack its newline) without ever holding more
 * than one line of at most {@code maxLength} characters: a huge single-line file is rejected as soon
 * as its first line passes the limit, instead of being read into memory as BufferedReader.readLine would.
 */
public final class TextLines implements Closeable {

    private final Reader reader;
    private final int maxLength;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private long lineNumber;
    private boolean ended;

    TextLines(Reader reader, int maxLength) {
        this.reader = reader;
        this.maxLength = maxLength;
    }

    /** The next line without its line end, or null at the end of the text. */
    public String next() throws IOException, InputRejectedException {
        if (ended) {
            return null;
        }
        line.setLength(0);
        boolean started = false;
        while (true) {
            if (position == limit && !fill()) {
                ended = true;
                return started ? finishLine() : null;
            }
            started = true;
            // copy the run up to the line end (or the end of the buffer) in one step
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int length = position - start;
            // one character of slack for the CR of a CRLF
            if (line.length() + length > maxLength + 1) {
                throw tooLong();
            }
            line.append(buffer, start, length);
            if (position < limit) {
                position++; // the '\n'
                return finishLine();
            }
        }
    }

    /** The 1-based number of the line last returned by {@link #next()}. */
    public long lineNumber() {
        return lineNumber;
    }

    private String finishLine() throws InputRejectedException {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(length - 1);
        }
        if (line.length() > maxLength) {
            throw tooLong();
        }
        lineNumber++;
        return line.toString();
    }

    private boolean fill() throws IOException, InputRejectedException {
        try {
            limit = reader.read(buffer, 0, buffer.length);
        } catch (CharacterCodingException e) {
            throw new InputRejectedException(Utf8Text.unreadable(e, lineNumber + 1), e);
        }
        position = 0;
        if (limit < 0) {
            limit = 0;
            return false;
        }
        return true;
    }

    private InputRejectedException tooLong() {
        return new InputRejectedException(Utf8Text.lineTooLong(lineNumber + 1, maxLength));
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
