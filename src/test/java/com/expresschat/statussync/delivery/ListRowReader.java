package com.expresschat.statussync.delivery;

import java.util.List;

import com.expresschat.statussync.model.Row;
import com.expresschat.statussync.model.RowReader;

/** A {@link RowReader} over rows held in a list, which tells how far it was read and whether it was closed. */
final class ListRowReader implements RowReader {

    private final List<Row> rows;
    private int read;
    private boolean closed;

    ListRowReader(List<Row> rows) {
        this.rows = rows;
    }

    @Override
    public Row next() {
        return read < rows.size() ? rows.get(read++) : null;
    }

    @Override
    public void close() {
        closed = true;
    }

    int rowsRead() {
        return read;
    }

    boolean closed() {
        return closed;
    }
}
