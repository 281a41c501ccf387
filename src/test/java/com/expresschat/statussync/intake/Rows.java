package com.expresschat.statussync.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.expresschat.statussync.model.InputRejectedException;
import com.expresschat.statussync.model.Row;
import com.expresschat.statussync.model.RowReader;

/** Test helpers: read every row of an input. */
final class Rows {

    static final String ID_1 = "640f472d173951357f08edee";
    static final String SUB_1 = "640f479fa79ef02edfb33dfc";
    static final String ID_2 = "640f472d173951357f08edef";
    static final String SUB_2 = "640f479fa79ef02edfb33dfd";

    private Rows() {
    }

    static List<Row> read(InputFormat format, String text) throws IOException, InputRejectedException {
        return read(format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Row> read(InputFormat format, byte[] bytes) throws IOException, InputRejectedException {
        return read(format, new ByteArrayInputStream(bytes));
    }

    static List<Row> read(InputFormat format, InputStream in) throws IOException, InputRejectedException {
        try (RowReader reader = format.open(in)) {
            List<Row> rows = new ArrayList<>();
            for (Row row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
            if (reader.next() != null) {
                throw new AssertionError("a row after the end");
            }
            return rows;
        }
    }

    /** Counts the rows without keeping them; checks that the reader has not read far ahead of the first row. */
    static long countStreaming(InputFormat format, GeneratedInput in, long maxBytesBeforeFirstRow)
            throws IOException, InputRejectedException {
        try (RowReader reader = format.open(in)) {
            Row first = reader.next();
            if (first == null) {
                return 0;
            }
            if (in.bytesRead() > maxBytesBeforeFirstRow) {
                throw new AssertionError("read " + in.bytesRead() + " bytes before the first row: not streaming");
            }
            long count = 1;
            for (Row row = reader.next(); row != null; row = reader.next()) {
                if (!row.parsed()) {
                    throw new AssertionError("unexpected bad row " + row);
                }
                count++;
            }
            return count;
        }
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
