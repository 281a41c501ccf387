package com.expresschat.statussync.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One input (§2): a dropped file or one REST request, readable as often as needed (validation reads it once,
 * delivery a second time, so that nothing is sent before all of it is validated).
 *
 * @param name     the input's name, as in its receipt (the file name for a dropped file)
 * @param source   where it came from ("file", "rest"), as shown in its receipt
 * @param archived whether the input is archived as a file (done/ or error/) with its receipt beside it; an input
 *                 that is not (a synchronous REST request) is answered with its receipt instead
 * @param format   the name of its format (e.g. "CSV"), or null when it is not recognised
 * @param rows     opens a fresh reader over its rows; null when the format is not recognised
 * @param refusal  why the input is rejected without being read (e.g. a symbolic link in the inbox), or null
 * @param snapshot the claimed file the input is read from, which nobody else writes (its journal lies beside it), or
 *                 null for an input held in memory (a synchronous REST request)
 */
public record Input(String name, String source, boolean archived, String format, Rows rows, String refusal,
        Path snapshot) {

    /** An input with no claimed file (nothing to journal beside). */
    public Input(String name, String source, boolean archived, String format, Rows rows, String refusal) {
        this(name, source, archived, format, rows, refusal, null);
    }

    /** Opens a reader over the input's rows, from its first row. */
    @FunctionalInterface
    public interface Rows {
        RowReader open() throws IOException;
    }

    public RowReader openRows() throws IOException {
        return rows.open();
    }
}
