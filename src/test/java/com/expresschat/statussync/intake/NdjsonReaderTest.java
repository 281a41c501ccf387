package com.expresschat.statussync.intake;

import static com.expresschat.statussync.intake.Rows.ID_1;
import static com.expresschat.statussync.intake.Rows.ID_2;
import static com.expresschat.statussync.intake.Rows.SUB_1;
import static com.expresschat.statussync.intake.Rows.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.Row;

class NdjsonReaderTest {

    private static final InputFormat NDJSON = InputFormat.NDJSON;

    @Test
    void readsOneObjectPerLineSkippingBlankLines() throws Exception {
        String text = "\uFEFF{\"id\": \"" + ID_1 + "\", \"subscriberId\": \"" + SUB_1 + "\", \"status\": \"DELETED\"}\r\n"
                + "\r\n"
                + "   \n"
                + "  {\"status\": \"DELETED\", \"id\": \" " + ID_2 + " \"}  \n"
                + "{\"id\": \"" + ID_1 + "\", \"subscriberId\": null}"; // last line without newline
        assertThat(read(NDJSON, text)).containsExactly(
                Row.of(1, ID_1, SUB_1, "DELETED"),
                Row.of(4, ID_2, null, "DELETED"),
                Row.of(5, ID_1, null, null));
    }

    @Test
    void aBadLineIsAnUnparseableRowWithAReasonAndTheOthersStillCount() throws Exception {
        List<String> lines = List.of(
                "{\"id\": \"" + ID_1 + "\"}",
                "{\"id\": 640}",
                "{\"id\": [\"" + ID_1 + "\"]}",
                "{\"id\": true}",
                "{\"id\": \"" + ID_1 + "\", \"foo\": 1}",
                "{\"id\": \"" + ID_1 + "\"",
                "{\"subscriberId\": \"" + SUB_1 + "\"}",
                "{\"id\": \"" + ID_1 + "\", \"status\": 5}",
                "\"" + ID_1 + "\"",
                "{\"id\": \"" + ID_1 + "\"} {\"id\": \"" + ID_2 + "\"}",
                "{\"id\": \"" + ID_1 + "\", \"id\": \"" + ID_2 + "\"}",
                "{\"id\": \"" + ID_2 + "\"}");
        List<Row> rows = read(NDJSON, String.join("\n", lines));

        assertThat(rows).extracting(Row::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(rows.get(0)).isEqualTo(Row.of(1, ID_1, null, null));
        assertThat(rows.get(11)).isEqualTo(Row.of(12, ID_2, null, null));
        assertThat(rows.subList(1, 11)).allSatisfy(row -> assertThat(row.parsed()).isFalse());
        assertThat(rows.subList(1, 11)).extracting(Row::problem).containsExactly(
                "id must be a string",
                "id must be a string",
                "id must be a string",
                "unknown field 'foo'",
                "malformed JSON: Unexpected end-of-input: expected close marker for Object (start marker at [line: 1, column: 1])",
                "no id",
                "status must be a string",
                "not a JSON object",
                "more than one JSON value on the line",
                "malformed JSON: Duplicate field 'id'");
        assertThat(rows.get(1).id()).isEqualTo("{\"id\": 640}");
    }

    @Test
    void aNullStatusIsAnInvalidLineAndABlankOneIsKeptBlank() throws Exception {
        List<Row> rows = read(NDJSON, "{\"id\": \"" + ID_1 + "\", \"status\": null}\n"
                                      + "{\"id\": \"" + ID_1 + "\", \"status\": \"\"}\n"
                                      + "{\"id\": \"" + ID_2 + "\", \"status\": \"  \"}\n"
                                      + "{\"id\": \"" + ID_2 + "\"}\n");
        assertThat(rows.get(0).problem()).isEqualTo("status is null");
        // RowValidator refuses a blank status; only a line without a status field takes the default
        assertThat(rows.subList(1, 4)).containsExactly(
                Row.of(2, ID_1, null, ""), Row.of(3, ID_2, null, ""), Row.of(4, ID_2, null, null));
    }

    @Test
    void theValueOfABadLineIsShortened() throws Exception {
        String longLine = "{\"foo\": \"" + "x".repeat(5_000) + "\"}";
        Row row = read(NDJSON, longLine).get(0);
        assertThat(row.problem()).isEqualTo("unknown field 'foo'");
        assertThat(row.id()).hasSize(Excerpt.MAX_LENGTH + 1).startsWith("{\"foo\": \"xxx").endsWith("…");
    }
}
