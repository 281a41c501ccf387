package com.expresschat.statussync.intake;

import static com.expresschat.statussync.intake.Rows.ID_1;
import static com.expresschat.statussync.intake.Rows.ID_2;
import static com.expresschat.statussync.intake.Rows.SUB_1;
import static com.expresschat.statussync.intake.Rows.SUB_2;
import static com.expresschat.statussync.intake.Rows.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.InputRejectedException;
import com.expresschat.statussync.model.Row;

class JsonBodyReaderTest {

    private static final InputFormat JSON = InputFormat.JSON;

    private static final String SEED =
            "{\"ids\":[\"640f472d173951357f08edee\"],\"status\":\"DELETED\",\"subscriberIds\":[\"640f479fa79ef02edfb33dfc\"]}";

    @Test
    void readsTheEndpointsOwnBody() throws Exception {
        assertThat(read(JSON, SEED)).containsExactly(
                Row.of(1, "640f472d173951357f08edee", "640f479fa79ef02edfb33dfc", "DELETED"));
    }

    @Test
    void givesEachRowTheLineOfItsIdAndAppliesTheBodysStatusWhereverItStands() throws Exception {
        String text = "\uFEFF{\r\n"
                + "  \"subscriberIds\": [\"" + SUB_1 + "\"],\r\n"
                + "  \"ids\": [\r\n"
                + "    \" " + ID_1 + " \",\r\n"
                + "    \"" + ID_2 + "\"\r\n"
                + "  ],\r\n"
                + "  \"status\": \"DELETED\"\r\n"
                + "}\r\n";
        assertThat(read(JSON, text)).containsExactly(
                Row.of(4, ID_1, SUB_1, "DELETED"),
                Row.of(5, ID_2, null, "DELETED"));
    }

    @Test
    void readsAnArrayOfBodies() throws Exception {
        String text = "[\n"
                + "  {\"ids\": [\"" + ID_1 + "\"], \"status\": \"DELETED\"},\n"
                + "  {\"ids\": []},\n"
                + "  {\"ids\": [\"" + ID_2 + "\"], \"subscriberIds\": [\"" + SUB_2 + "\"]}\n"
                + "]\n";
        assertThat(read(JSON, text)).containsExactly(
                Row.of(2, ID_1, null, "DELETED"),
                Row.of(4, ID_2, SUB_2, null));
    }

    @Test
    void anElementThatIsNoStringIsAnUnparseableRow() throws Exception {
        String text = "{\"ids\": [\"" + ID_1 + "\", 640, null, {\"id\": \"x\"}, [\"" + ID_2 + "\"]],\n"
                + " \"subscriberIds\": [\"" + SUB_1 + "\", \"" + SUB_2 + "\", \"" + SUB_1 + "\", \"" + SUB_1 + "\", \""
                + SUB_1 + "\", \"" + SUB_2 + "\"]}";
        assertThat(read(JSON, text)).containsExactly(
                Row.of(1, ID_1, SUB_1, null),
                Row.unparseable(1, "640", "ids[1] must be a string"),
                Row.unparseable(1, "null", "ids[2] must be a string"),
                Row.unparseable(1, "{…}", "ids[3] must be a string"),
                Row.unparseable(1, "[…]", "ids[4] must be a string"),
                Row.unparseable(2, SUB_2, "subscriberIds[5] has no matching ids[5]"));
    }

    @Test
    void aSubscriberIdThatIsNoStringSpoilsItsRow() throws Exception {
        String text = "{\"ids\": [\"" + ID_1 + "\", \"" + ID_2 + "\"], \"subscriberIds\": [7, \"" + SUB_2 + "\"]}";
        assertThat(read(JSON, text)).containsExactly(
                Row.unparseable(1, ID_1, "subscriberIds[0] must be a string"),
                Row.of(1, ID_2, SUB_2, null));
    }

    @Test
    void idsThatAreNoArrayAreAnUnparseableRow() throws Exception {
        assertThat(read(JSON, "{\"ids\": \"" + ID_1 + "\"}"))
                .containsExactly(Row.unparseable(1, ID_1, "ids must be an array"));
    }

    @Test
    void subscriberIdsThatAreNoArraySpoilEveryRowOfTheirBody() throws Exception {
        // were the IDs valid rows, on-invalid=skip would send them without the subscribers they were given
        String text = "{\"ids\": [\"" + ID_1 + "\",\n \"" + ID_2 + "\"],\n \"subscriberIds\": {\"a\": [1]}}";
        assertThat(read(JSON, text))
                .containsExactly(
                        Row.unparseable(1, ID_1, "subscriberIds must be an array"),
                        Row.unparseable(2, ID_2, "subscriberIds must be an array"));
        assertThat(read(JSON, "[{\"subscriberIds\": \"" + SUB_1 + "\", \"ids\": [\"" + ID_1 + "\"]},"
                + " {\"ids\": [\"" + ID_2 + "\"]}]"))
                .containsExactly(
                        Row.unparseable(1, ID_1, "subscriberIds must be an array"),
                        Row.of(1, ID_2, null, null));
    }

    @Test
    void rejectsABodyWithoutIds() {
        assertThatThrownBy(() -> read(JSON, "[{\"ids\": []}, {\"status\": \"DELETED\"}]"))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage("body 2 has no ids array");
    }

    @Test
    void rejectsAnUnknownField() {
        assertThatThrownBy(() -> read(JSON, "[{\"ids\": []}, {\"ids\": [], \"reason\": \"gdpr\"}]"))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage("body 2 has unknown field 'reason'");
    }

    @Test
    void aStatusThatIsNullOrNoStringSpoilsEveryRowOfItsBody() throws Exception {
        assertThat(read(JSON, "[{\"ids\": [\"" + ID_1 + "\", \"" + ID_2 + "\"],\n \"status\": null},"
                              + " {\"ids\": [\"" + ID_2 + "\"], \"status\": \"DELETED\"}]"))
                .containsExactly(
                        Row.unparseable(1, ID_1, "status is null"),
                        Row.unparseable(1, ID_2, "status is null"),
                        Row.of(2, ID_2, null, "DELETED"));
        assertThat(read(JSON, "{\"ids\": [\"" + ID_1 + "\"], \"status\": 3}"))
                .containsExactly(Row.unparseable(1, ID_1, "status must be a string, not a number"));
        assertThat(read(JSON, "{\"status\": [\"DELETED\"], \"ids\": [\"" + ID_1 + "\"]}"))
                .containsExactly(Row.unparseable(1, ID_1, "status must be a string, not an array"));
    }

    @Test
    void aBlankStatusIsKeptBlankNotTakenForNoStatus() throws Exception {
        // RowValidator refuses a blank status; only a body without a status field takes the default
        assertThat(read(JSON, "[{\"ids\": [\"" + ID_1 + "\"], \"status\": \"\"},"
                              + " {\"ids\": [\"" + ID_2 + "\"], \"status\": \"   \"},"
                              + " {\"ids\": [\"" + ID_2 + "\"]}]"))
                .containsExactly(Row.of(1, ID_1, null, ""), Row.of(1, ID_2, null, ""), Row.of(1, ID_2, null, null));
    }

    @Test
    void rejectsATopLevelThatIsNoBody() {
        assertThatThrownBy(() -> read(JSON, "\"" + ID_1 + "\""))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage("JSON must be a body {\"ids\": [...], ...} or an array of bodies, not a string");
        assertThatThrownBy(() -> read(JSON, "[{\"ids\": []},\n \"" + ID_1 + "\"]"))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage("body 2 (line 2) is not a JSON object but a string");
    }

    @Test
    void rejectsMalformedJsonNamingLineAndColumn() {
        assertThatThrownBy(() -> read(JSON, "{\"ids\": [\n\"" + ID_1 + "\",\n]}"))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageStartingWith("malformed JSON at line 3 column 1: Unexpected character (']' (code 93))");
        assertThatThrownBy(() -> read(JSON, "{\"ids\": [\"" + ID_1 + "\"]"))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageStartingWith("malformed JSON at line 1 column 37: Unexpected end-of-input");
        assertThatThrownBy(() -> read(JSON, "{\"ids\": [], \"ids\": []}"))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageEndingWith("Duplicate field 'ids'");
    }

    @Test
    void rejectsContentAfterTheValue() {
        assertThatThrownBy(() -> read(JSON, SEED + "\n" + SEED))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage("content after the JSON value at line 2: an object");
        assertThatThrownBy(() -> read(JSON, SEED + " ]"))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageStartingWith("malformed JSON at line 1");
    }

    @Test
    void rejectsTenThousandLevelsOfNestingClearly() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThatThrownBy(() -> read(JSON, "{\"ids\": " + deep + "}"))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage("JSON is nested more than 1000 levels deep (near line 1)");
        assertThatThrownBy(() -> read(JSON, "{\"subscriberIds\": [" + deep + "]}"))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage("JSON is nested more than 1000 levels deep (near line 1)");
        assertThatThrownBy(() -> read(JSON, deep))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage("body 1 (line 1) is not a JSON object but an array");
    }

    @Test
    void anEmptyInputOrArrayHasNoRows() throws Exception {
        assertThat(read(JSON, "")).isEmpty();
        assertThat(read(JSON, " \n ")).isEmpty();
        assertThat(read(JSON, "[]")).isEmpty();
        assertThat(read(JSON, "{\"ids\": []}")).isEmpty();
    }
}
