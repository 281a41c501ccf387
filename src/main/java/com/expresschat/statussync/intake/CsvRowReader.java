package com.expresschat.statussync.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import com.expresschat.statussync.model.InputRejectedException;
import com.expresschat.statussync.model.Row;
import com.expresschat.statussync.model.RowReader;

/**
 * CSV with a header row (RFC 4180 quoting). Records are pulled one at a time from the parser's
 * iterator: Commons CSV keeps only the current record in memory, never the whole file.
 * A record with the wrong number of fields is an unparseable row; broken quoting, bad UTF-8 or an
 * overlong line rejects the input.
 */
public final class CsvRowReader implements RowReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            // unnamed or repeated columns are ours to judge (CsvColumns), only the known names matter
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .get();

    private final CsvSource source;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private CsvColumns columns;
    /** Lines fully read before the record being parsed: an error in that record is reported after them. */
    private long linesBeforeRecord;

    public CsvRowReader(InputStream in) {
        this.source = new CsvSource(Utf8Text.reader(in), Utf8Text.MAX_LINE_LENGTH);
    }

    @Override
    public Row next() throws IOException, InputRejectedException {
        try {
            if (records == null) {
                open();
            }
            while (true) {
                linesBeforeRecord = parser.getCurrentLineNumber();
                if (!records.hasNext()) {
                    return null;
                }
                Row row = toRow(records.next());
                if (row != null) {
                    return row;
                }
            }
        } catch (UncheckedIOException e) {
            throw rejection(e.getCause());
        } catch (IOException e) {
            throw rejection(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw malformed(e);
        }
    }

    /** Reads the header. An input without one (empty, or blank lines only) simply has no rows. */
    private void open() throws IOException, InputRejectedException {
        parser = CSVParser.builder().setReader(source).setFormat(FORMAT).get();
        if (parser.getHeaderNames().isEmpty()) {
            records = Collections.emptyIterator();
            return;
        }
        columns = CsvColumns.of(parser.getHeaderNames());
        records = parser.iterator();
    }

    private Row toRow(CSVRecord record) {
        long line = source.lineAt(record.getCharacterPosition());
        if (record.stream().allMatch(String::isEmpty)) {
            return null; // a line of only blanks or commas
        }
        String text = Excerpt.of(String.join(",", record.values()));
        if (record.size() != columns.count()) {
            return Row.unparseable(line, text,
                    record.size() + " fields, but the header has " + columns.count() + " columns");
        }
        String id = record.get(columns.id());
        if (id.isEmpty()) {
            return Row.unparseable(line, text, "the id column is empty");
        }
        return Row.of(line, id, field(record, columns.subscriberId()), field(record, columns.status()));
    }

    private static String field(CSVRecord record, int column) {
        return column == CsvColumns.ABSENT ? null : record.get(column);
    }

    /** Bad text or bad CSV is the input's fault; any other IOException is a real I/O failure, thrown as is. */
    private InputRejectedException rejection(IOException e) throws IOException {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TextRejectedException rejected) {
                return new InputRejectedException(rejected.getMessage(), rejected);
            }
            if (t instanceof CSVException) {
                return malformed(t);
            }
        }
        throw e;
    }

    private InputRejectedException malformed(Throwable e) {
        long line = linesBeforeRecord + 1;
        return new InputRejectedException("CSV is malformed near line " + line + ": " + Excerpt.firstLineOf(e.getMessage()), e);
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        } else {
            source.close();
        }
    }
}
