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

class CsvRowReaderTest {

    private static final InputFormat CSV = InputFormat.CSV;

    @Test
    void readsIdSubscriberAndStatusColumnsByName() throws Exception {
        String text = "status,subscriberId,name,id\n"
                + "DELETED," + SUB_1 + ",Ann," + ID_1 + "\n"
                + "," + SUB_2 + ",Bob," + ID_2 + "\n";
        assertThat(read(CSV, text)).containsExactly(
                Row.of(2, ID_1, SUB_1, "DELETED"),
                Row.of(3, ID_2, SUB_2, ""));
    }

    @Test
    void anEmptyOrBlankStatusCellIsKeptBlankNotTakenForNoStatus() throws Exception {
        // a status column exists, so an empty cell is the sender's mistake (RowValidator refuses it), never the default
        assertThat(read(CSV, "id,status\n" + ID_1 + ",\n" + ID_2 + ",\"   \"\n")).containsExactly(
                Row.of(2, ID_1, null, ""),
                Row.of(3, ID_2, null, ""));
        assertThat(read(CSV, "id\n" + ID_1 + "\n")).containsExactly(Row.of(2, ID_1, null, null));
    }

    @Test
    void acceptsHeaderAliasesInAnyCaseAndTrims() throws Exception {
        assertThat(read(CSV, " User_ID , Subscriber_Id \n " + ID_1 + " ,  " + SUB_1 + "\n"))
                .containsExactly(Row.of(2, ID_1, SUB_1, null));
        assertThat(read(CSV, "userId\n" + ID_1 + "\n")).containsExactly(Row.of(2, ID_1, null, null));
        assertThat(read(CSV, "user_id,subscriber_id\n" + ID_1 + "," + SUB_1 + "\n"))
                .containsExactly(Row.of(2, ID_1, SUB_1, null));
    }

    @Test
    void readsRfc4180QuotedFields() throws Exception {
        String text = "id,name,status\n"
                + "\"" + ID_1 + "\",\"Doe, \"\"JD\"\" John\",\"DELETED\"\n"
                + ID_2 + ", \"Smith, Ann\" ,DELETED\n";
        assertThat(read(CSV, text)).containsExactly(
                Row.of(2, ID_1, null, "DELETED"),
                Row.of(3, ID_2, null, "DELETED"));
    }

    @Test
    void givesEachRecordTheLineItStartsOnAcrossMultiLineFieldsBlankLinesCrlfAndBom() throws Exception {
        String text = "\uFEFFid,note\r\n"
                + "\r\n"
                + ID_1 + ",\"first line\r\nsecond line\r\nthird line\"\r\n"
                + "\r\n"
                + "   \r\n"
                + ID_2 + ",\"one, line\"\r\n"
                + "\"" + ID_1 + "\",\"\n\n\"\n"
                + ID_2 + ",last";
        assertThat(read(CSV, text)).containsExactly(
                Row.of(3, ID_1, null, null),
                Row.of(8, ID_2, null, null),
                Row.of(9, ID_1, null, null),
                Row.of(12, ID_2, null, null));
    }

    @Test
    void aRecordWithTheWrongNumberOfFieldsIsAnUnparseableRow() throws Exception {
        String text = "id,subscriberId\n"
                + ID_1 + "," + SUB_1 + ",extra\n"
                + ID_2 + "\n"
                + "," + SUB_2 + "\n"
                + ID_2 + "," + SUB_2 + "\n";
        assertThat(read(CSV, text)).containsExactly(
                Row.unparseable(2, ID_1 + "," + SUB_1 + ",extra", "3 fields, but the header has 2 columns"),
                Row.unparseable(3, ID_2, "1 fields, but the header has 2 columns"),
                Row.unparseable(4, "," + SUB_2, "the id column is empty"),
                Row.of(5, ID_2, SUB_2, null));
    }

    @Test
    void rejectsAHeaderWithoutIdColumn() {
        assertThatThrownBy(() -> read(CSV, "a, b\n1,2\n"))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage("CSV header has no id column (expected one of: id, userId, user_id); found: a, b");
    }

    @Test
    void rejectsAHeaderWithTwoIdColumns() {
        assertThatThrownBy(() -> read(CSV, "id,user_id\n" + ID_1 + "," + ID_2 + "\n"))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage("CSV header has more than one id column: [id, user_id]");
    }

    @Test
    void rejectsAnUnclosedQuoteNamingWhereTheRecordStarts() {
        String text = "id,name\n" + ID_1 + ",Ann\n" + ID_2 + ",\"Bob\n" + ID_1 + ",Cy\n";
        assertThatThrownBy(() -> read(CSV, text))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageStartingWith("CSV is malformed near line 3: ")
                .hasMessageContaining("EOF reached before encapsulated token finished");
    }

    @Test
    void rejectsTextAfterAClosingQuote() {
        String text = "id,name\n" + ID_1 + ",\"Ann\"x\n";
        assertThatThrownBy(() -> read(CSV, text))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageStartingWith("CSV is malformed near line 2: ")
                .hasMessageContaining("Invalid character between encapsulated token and delimiter");
    }

    @Test
    void anEmptyInputOrAHeaderAloneHasNoRows() throws Exception {
        assertThat(read(CSV, "")).isEmpty();
        assertThat(read(CSV, "\n\n")).isEmpty();
        assertThat(read(CSV, "id,status\n")).isEmpty();
    }
}
