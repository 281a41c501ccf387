package com.expresschat.statussync.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

import com.expresschat.statussync.model.InputRejectedException;
import com.expresschat.statussync.model.Row;
import com.expresschat.statussync.model.RowReader;

/**
 * Plain list: one user ID per line, optionally followed by a subscriber ID (separated by a comma,
 * a tab or spaces). Blank lines and lines starting with {@code #} are skipped but still counted,
 * so line numbers in reports match what the operator sees in an editor. The status is always the default.
 */
public final class PlainListReader implements RowReader {

    /** A comma with optional blanks around it, or a run of blanks (tabs, spaces). */
    private static final Pattern SEPARATOR = Pattern.compile("\\s*,\\s*|\\s+");

    private final TextLines lines;

    public PlainListReader(InputStream in) {
        this.lines = Utf8Text.lines(in);
    }

    @Override
    public Row next() throws IOException, InputRejectedException {
        String raw;
        while ((raw = lines.next()) != null) {
            String text = raw.strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                return toRow(lines.lineNumber(), text);
            }
        }
        return null;
    }

    private static Row toRow(long line, String text) {
        if (!hasSeparator(text)) {
            // the common case, one ID alone: what the split below would give, without its regex cost
            return Row.of(line, text, null, null);
        }
        // limit -1 keeps empty columns, so "a,,b" counts as 3 columns rather than passing as "a,b"
        String[] columns = SEPARATOR.split(text, -1);
        if (columns.length > 2) {
            return Row.unparseable(line, Excerpt.of(text),
                    columns.length + " columns, expected an ID and an optional subscriber ID");
        }
        return Row.of(line, columns[0], columns.length == 2 ? columns[1] : null, null);
    }

    /** Whether the text holds a character of {@link #SEPARATOR}: a comma or a {@code \s} blank. */
    private static boolean hasSeparator(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case ',', ' ', '\t', '\n', '\u000B', '\f', '\r':
                    return true;
                default:
                    break;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
