package com.expresschat.statussync.model;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads the rows of one input as a stream: memory does not grow with the size of the input.
 * A row that cannot be parsed is returned as {@link Row#unparseable}; a problem that makes the
 * whole input unreadable (malformed JSON, a CSV without id column, invalid UTF-8) is an
 * {@link InputRejectedException}.
 */
public interface RowReader extends Closeable {

    /** The next row, or null at the end of the input. */
    Row next() throws IOException, InputRejectedException;
}
