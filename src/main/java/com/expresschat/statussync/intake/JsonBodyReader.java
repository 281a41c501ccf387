package com.expresschat.statussync.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.expresschat.statussync.model.InputRejectedException;
import com.expresschat.statussync.model.Row;
import com.expresschat.statussync.model.RowReader;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;

/**
 * JSON: the endpoint's own body {@code {"ids": [...], "status": "...", "subscriberIds": [...]}}, or an
 * array of such bodies. Read with Jackson's streaming parser, body by body: only the current body is
 * held (its fields may come in any order, so its rows are known only at its end).
 * ids[i] pairs with subscriberIds[i]; the body's status applies to all its rows. A bad subscriber ID spoils its
 * row, and subscriberIds that are no array spoil every row of the body: no ID goes out without its subscriber.
 * Likewise a status that is null or no string spoils every row of the body: it never becomes the default.
 * A bad element is an unparseable row; JSON that is not this shape rejects the input.
 */
public final class JsonBodyReader implements RowReader {

    /** One element of {@code ids} or {@code subscriberIds}: its text, or why it is unusable. */
    private record Element(long line, String value, String problem) {
    }

    private final Reader text;
    private final Deque<Row> rows = new ArrayDeque<>();
    private JsonParser parser;
    private boolean finished;
    private int bodyNumber;

    public JsonBodyReader(InputStream in) {
        this.text = Utf8Text.reader(in);
    }

    @Override
    public Row next() throws IOException, InputRejectedException {
        try {
            while (rows.isEmpty() && !finished) {
                readMore();
            }
            return rows.pollFirst();
        } catch (CharacterCodingException e) {
            long line = parser == null ? 1 : parser.currentLocation().getLineNr();
            throw new InputRejectedException(Utf8Text.unreadable(e, line), e);
        } catch (StreamConstraintsException e) {
            throw tooLarge(e);
        } catch (StreamReadException e) {
            throw malformed(e);
        }
    }

    /** Reads the next body (or the end of the input). */
    private void readMore() throws IOException, InputRejectedException {
        if (parser == null) {
            readStart();
        } else {
            readArrayElement();
        }
    }

    /** The first token decides: one body, an array of bodies (read one per call), or nothing at all. */
    private void readStart() throws IOException, InputRejectedException {
        parser = IntakeJson.FACTORY.createParser(text);
        JsonToken first = parser.nextToken();
        if (first == null) {
            finished = true; // empty input: no rows, the caller reports "no IDs"
        } else if (first == JsonToken.START_OBJECT) {
            readBody();
            expectEnd();
        } else if (first != JsonToken.START_ARRAY) {
            throw new InputRejectedException("JSON must be a body {\"ids\": [...], ...} or an array of bodies, not "
                    + describe(first));
        }
    }

    private void readArrayElement() throws IOException, InputRejectedException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            expectEnd();
        } else if (token == JsonToken.START_OBJECT) {
            readBody();
        } else {
            throw new InputRejectedException("body " + (bodyNumber + 1) + " (line " + tokenLine()
                    + ") is not a JSON object but " + describe(token));
        }
    }

    private void readBody() throws IOException, InputRejectedException {
        bodyNumber++;
        List<Element> ids = null;
        List<Element> subscriberIds = List.of();
        String subscriberIdsProblem = null;
        String status = null;
        String statusProblem = null;
        List<Row> shapeProblems = new ArrayList<>();
        // the parser itself guarantees the loop ends at the body's END_OBJECT
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "ids" -> ids = readStrings("ids", shapeProblems);
                case "subscriberIds" -> {
                    if (parser.currentToken() == JsonToken.START_ARRAY) {
                        subscriberIds = readStrings("subscriberIds", shapeProblems);
                    } else {
                        // no ID of the body may go out without the subscriber IDs the sender meant to give it
                        subscriberIdsProblem = "subscriberIds must be an array";
                        valueText();
                    }
                }
                case "status" -> {
                    statusProblem = statusProblem();
                    status = statusProblem == null ? parser.getText() : null;
                }
                default -> throw new InputRejectedException(
                        "body " + bodyNumber + " has unknown field '" + Excerpt.of(field) + "'");
            }
        }
        if (ids == null) {
            throw new InputRejectedException("body " + bodyNumber + " has no ids array");
        }
        addRows(ids, subscriberIds, subscriberIdsProblem == null ? statusProblem : subscriberIdsProblem, status);
        rows.addAll(shapeProblems);
    }

    /** The elements of a string array; a value that is no array is a shape problem and yields none. */
    private List<Element> readStrings(String field, List<Row> shapeProblems) throws IOException {
        List<Element> elements = new ArrayList<>();
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            long line = tokenLine();
            shapeProblems.add(Row.unparseable(line, valueText(), field + " must be an array"));
            return elements;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            long line = tokenLine();
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                elements.add(new Element(line, parser.getText().strip(), null));
            } else {
                String problem = field + "[" + elements.size() + "] must be a string";
                elements.add(new Element(line, valueText(), problem));
            }
        }
        return elements;
    }

    /**
     * Why the status value is unusable, or null when it is a string. Even null is refused: it would silently
     * become the default status, which is DELETED, and that is not a guess to make for the sender.
     */
    private String statusProblem() throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return null;
        }
        valueText();
        return token == JsonToken.VALUE_NULL ? "status is null" : "status must be a string, not " + describe(token);
    }

    /** The body's rows; {@code bodyProblem} (bad subscriberIds or status) spoils every one of them. */
    private void addRows(List<Element> ids, List<Element> subscriberIds, String bodyProblem, String status) {
        for (int i = 0; i < ids.size(); i++) {
            Element id = ids.get(i);
            Element subscriber = i < subscriberIds.size() ? subscriberIds.get(i) : null;
            if (id.problem() != null) {
                rows.add(Row.unparseable(id.line(), id.value(), id.problem()));
            } else if (bodyProblem != null) {
                rows.add(Row.unparseable(id.line(), id.value(), bodyProblem));
            } else if (subscriber != null && subscriber.problem() != null) {
                rows.add(Row.unparseable(id.line(), id.value(), subscriber.problem()));
            } else {
                rows.add(Row.of(id.line(), id.value(), subscriber == null ? null : subscriber.value(), status));
            }
        }
        for (int i = ids.size(); i < subscriberIds.size(); i++) {
            Element extra = subscriberIds.get(i);
            rows.add(Row.unparseable(extra.line(), extra.value(),
                    "subscriberIds[" + i + "] has no matching ids[" + i + "]"));
        }
    }

    /** After the top-level value only whitespace may follow. */
    private void expectEnd() throws IOException, InputRejectedException {
        finished = true;
        JsonToken extra = parser.nextToken();
        if (extra != null) {
            throw new InputRejectedException("content after the JSON value at line " + tokenLine()
                    + ": " + describe(extra));
        }
    }

    /** The current value as report text; a nested value is skipped and shown abbreviated. */
    private String valueText() throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            parser.skipChildren();
            return token == JsonToken.START_OBJECT ? "{…}" : "[…]";
        }
        return Excerpt.of(parser.getText());
    }

    private long tokenLine() {
        return parser.currentTokenLocation().getLineNr();
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    private InputRejectedException malformed(StreamReadException e) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        return new InputRejectedException("malformed JSON at line " + at.getLineNr() + " column " + at.getColumnNr()
                + ": " + IntakeJson.shortMessage(e), e);
    }

    private InputRejectedException tooLarge(StreamConstraintsException e) {
        long line = parser.currentLocation().getLineNr();
        String limit = String.valueOf(e.getOriginalMessage());
        if (limit.contains("nesting depth")) {
            return new InputRejectedException("JSON is nested more than " + IntakeJson.MAX_NESTING_DEPTH
                    + " levels deep (near line " + line + ")", e);
        }
        // Jackson counts only what it has buffered when it gives up, so its length is no length of the string
        if (limit.startsWith("String value length")) {
            return new InputRejectedException("a JSON string near line " + line + " is longer than "
                    + Utf8Text.MAX_LINE_LENGTH + " characters", e);
        }
        return new InputRejectedException("JSON exceeds a safety limit near line " + line + ": "
                + IntakeJson.shortMessage(e), e);
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
        text.close();
    }
}
