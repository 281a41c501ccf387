package com.expresschat.statussync.intake;

import static com.expresschat.statussync.intake.Rows.ID_1;
import static com.expresschat.statussync.intake.Rows.ID_2;
import static com.expresschat.statussync.intake.Rows.SUB_1;
import static com.expresschat.statussync.intake.Rows.SUB_2;
import static com.expresschat.statussync.intake.Rows.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.Row;

class PlainListReaderTest {

    private static final InputFormat PLAIN = InputFormat.PLAIN_LIST;

    @Test
    void readsOneIdPerLineSkippingCommentsAndBlankLinesWithPhysicalLineNumbers() throws Exception {
        String text = "\uFEFF# export of 2024-05-01\r\n"
                + "\r\n"
                + "  " + ID_1 + "  \r\n"
                + "   \t \r\n"
                + "# " + ID_2 + " is commented out\r\n"
                + ID_2; // last line without newline
        assertThat(read(PLAIN, text)).containsExactly(
                Row.of(3, ID_1, null, null),
                Row.of(6, ID_2, null, null));
    }

    @Test
    void takesASecondColumnSeparatedByCommaTabOrSpaces() throws Exception {
        String text = ID_1 + "," + SUB_1 + "\n"
                + ID_2 + "\t" + SUB_2 + "\n"
                + ID_1 + "   " + SUB_2 + "\n"
                + ID_2 + " , " + SUB_1 + "\n";
        assertThat(read(PLAIN, text)).containsExactly(
                Row.of(1, ID_1, SUB_1, null),
                Row.of(2, ID_2, SUB_2, null),
                Row.of(3, ID_1, SUB_2, null),
                Row.of(4, ID_2, SUB_1, null));
    }

    @Test
    void aLineWithThreeColumnsIsAnUnparseableRowAndReadingGoesOn() throws Exception {
        List<Row> rows = read(PLAIN, ID_1 + "\n" + ID_1 + ", " + SUB_1 + ", extra\n" + "a,,b\n" + ID_2 + "\n");
        assertThat(rows).containsExactly(
                Row.of(1, ID_1, null, null),
                Row.unparseable(2, ID_1 + ", " + SUB_1 + ", extra",
                        "3 columns, expected an ID and an optional subscriber ID"),
                Row.unparseable(3, "a,,b", "3 columns, expected an ID and an optional subscriber ID"),
                Row.of(4, ID_2, null, null));
    }

    @Test
    void anEmptyOrCommentOnlyInputHasNoRows() throws Exception {
        assertThat(read(PLAIN, "")).isEmpty();
        assertThat(read(PLAIN, "# nothing\n\n  \n")).isEmpty();
    }
}
