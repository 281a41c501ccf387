package com.expresschat.statussync.intake;

import java.io.IOException;
import java.io.InputStream;

/**
 * One input (§2): a dropped file or one REST request, readable as often as needed (validation reads
 * it once, delivery a second time, so that nothing is sent before all of it is validated).
 *
 * @param name    the input's name, as in its receipt (the file name for a dropped file)
 * @param source  where it came from: "file" or "rest"
 * @param format  its format, or null when it is not recognised
 * @param content opens the input's bytes
 * @param refusal why the input is rejected without being read (e.g. a symbolic link in the inbox), or null
 */
public record Input(String name, String source, InputFormat format, Content content, String refusal) {

    /** An input that is read and validated like any other. */
    public Input(String name, String source, InputFormat format, Content content) {
        this(name, source, format, content, null);
    }

    /** Opens a fresh stream over the input's bytes. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public RowReader openRows() throws IOException {
        return format.open(content.open());
    }
}
