package com.expresschat.statussync.intake;

import java.io.IOException;
import java.io.InputStream;

import com.expresschat.statussync.model.InputRejectedException;
import com.expresschat.statussync.model.Row;
import com.expresschat.statussync.model.RowReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * NDJSON: one object {@code {"id": "...", "subscriberId": "...", "status": "..."}} per line.
 * Lines are independent, so a bad line is an unparseable row and never spoils its neighbours.
 */
public final class NdjsonReader implements RowReader {

    /**
     * One line as the format defines it; Jackson refuses anything else (see {@link IntakeJson}). The status is
     * kept as a node, so that a status given as null (a {@code NullNode}) is told from no status field (null).
     */
    record Line(String id, String subscriberId, JsonNode status) {
    }

    private static final ObjectReader LINE = IntakeJson.MAPPER.readerFor(Line.class);

    private final TextLines lines;

    public NdjsonReader(InputStream in) {
        this.lines = Utf8Text.lines(in);
    }

    @Override
    public Row next() throws IOException, InputRejectedException {
        String raw;
        while ((raw = lines.next()) != null) {
            if (!raw.isBlank()) {
                return toRow(lines.lineNumber(), raw.strip());
            }
        }
        return null;
    }

    private static Row toRow(long lineNumber, String text) {
        Line line;
        try {
            line = LINE.readValue(text);
        } catch (JsonProcessingException e) {
            return Row.unparseable(lineNumber, Excerpt.of(text), reasonFor(e, text));
        }
        if (line == null) {
            return Row.unparseable(lineNumber, Excerpt.of(text), "not a JSON object");
        }
        if (line.id() == null || line.id().isBlank()) {
            return Row.unparseable(lineNumber, Excerpt.of(text), "no id");
        }
        JsonNode status = line.status();
        if (status != null && !status.isTextual()) {
            // only a line without a status field takes the default, never one whose status is null
            return Row.unparseable(lineNumber, Excerpt.of(text), status.isNull() ? "status is null" : "status must be a string");
        }
        return Row.of(lineNumber, line.id().strip(), line.subscriberId(), status == null ? null : status.asText());
    }

    /** Jackson's verdict in one short line, in the operator's terms. */
    private static String reasonFor(JsonProcessingException e, String text) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + Excerpt.of(unknown.getPropertyName()) + "'";
        }
        if (e instanceof MismatchedInputException mismatch) {
            if (!mismatch.getPath().isEmpty()) {
                return mismatch.getPath().get(0).getFieldName() + " must be a string";
            }
            // with no field to blame, either the line is no object or something follows the object
            return text.startsWith("{") ? "more than one JSON value on the line" : "not a JSON object";
        }
        if (e instanceof StreamConstraintsException) {
            return "too large: " + IntakeJson.shortMessage(e);
        }
        if (e instanceof StreamReadException) {
            return "malformed JSON: " + IntakeJson.shortMessage(e);
        }
        return IntakeJson.shortMessage(e);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
