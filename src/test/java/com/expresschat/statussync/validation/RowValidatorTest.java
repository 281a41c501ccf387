package com.expresschat.statussync.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.Row;

class RowValidatorTest {

    private static final String ID = "640f472d173951357f08edee";
    private static final String SUBSCRIBER = "640f479fa79ef02edfb33dfc";

    private final RowValidator validator = new RowValidator("[0-9a-f]{24}", List.of("DELETED"), "DELETED");

    @Test
    void acceptsAValidRowWithOrWithoutSubscriberAndStatus() {
        assertThat(validator.problemOf(Row.of(1, ID, SUBSCRIBER, "DELETED"))).isNull();
        assertThat(validator.problemOf(Row.of(1, ID, null, null))).isNull();
    }

    @Test
    void matchesIdsIgnoringCase() {
        assertThat(validator.problemOf(Row.of(1, ID.toUpperCase(), SUBSCRIBER.toUpperCase(), null))).isNull();
    }

    @Test
    void matchesTheWholeIdOnly() {
        assertThat(validator.problemOf(Row.of(1, ID + "0", null, null)))
                .isEqualTo("user ID '" + ID + "0' does not match [0-9a-f]{24}");
        assertThat(validator.problemOf(Row.of(1, "x" + ID, null, null)))
                .isEqualTo("user ID 'x" + ID + "' does not match [0-9a-f]{24}");
        assertThat(validator.problemOf(Row.of(1, "", null, null)))
                .isEqualTo("user ID '' does not match [0-9a-f]{24}");
    }

    @Test
    void checksTheSubscriberIdWithTheSamePattern() {
        assertThat(validator.problemOf(Row.of(1, ID, "sub-1", null)))
                .isEqualTo("subscriber ID 'sub-1' does not match [0-9a-f]{24}");
    }

    @Test
    void reportsTheRowsOwnParseProblemFirst() {
        assertThat(validator.problemOf(Row.unparseable(3, "a,b,c", "3 columns, expected an ID and an optional subscriber ID")))
                .isEqualTo("3 columns, expected an ID and an optional subscriber ID");
    }

    @Test
    void allowsOnlyListedStatusesComparedExactly() {
        assertThat(validator.problemOf(Row.of(1, ID, null, "ARCHIVED")))
                .isEqualTo("status 'ARCHIVED' is not allowed (allowed: DELETED)");
        assertThat(validator.problemOf(Row.of(1, ID, null, "deleted")))
                .isEqualTo("status 'deleted' is not allowed (allowed: DELETED)");
        assertThat(validator.problemOf(new Row(1, ID, null, " DELETED ", null))).isNull();
    }

    @Test
    void usesTheDefaultStatusWhenTheRowHasNone() {
        RowValidator twoStatuses = new RowValidator("[0-9a-f]{24}", List.of(" DELETED", "ACTIVE "), "ACTIVE");
        assertThat(twoStatuses.statusOf(Row.of(1, ID, null, null))).isEqualTo("ACTIVE");
        assertThat(twoStatuses.statusOf(Row.of(1, ID, null, "DELETED"))).isEqualTo("DELETED");
        assertThat(twoStatuses.problemOf(Row.of(1, ID, null, "BLOCKED")))
                .isEqualTo("status 'BLOCKED' is not allowed (allowed: DELETED, ACTIVE)");
    }

    @Test
    void aBlankStatusIsInvalidNeverTheDefault() {
        RowValidator twoStatuses = new RowValidator("[0-9a-f]{24}", List.of("DELETED", "ACTIVE"), "ACTIVE");
        assertThat(twoStatuses.problemOf(Row.of(1, ID, null, ""))).isEqualTo("status is blank (allowed: DELETED, ACTIVE)");
        assertThat(twoStatuses.problemOf(Row.of(1, ID, null, "   "))).isEqualTo("status is blank (allowed: DELETED, ACTIVE)");
        assertThat(twoStatuses.problemOf(Row.of(1, ID, null, null))).isNull();
    }

    @Test
    void shortensAbsurdValuesInTheReason() {
        String huge = "x".repeat(10_000);
        assertThat(validator.problemOf(Row.of(1, huge, null, null))).hasSizeLessThan(300);
    }

    @Test
    void refusesAConfigurationThatCouldNeverSendARowWithoutStatus() {
        assertThatThrownBy(() -> new RowValidator("[0-9a-f]{24}", List.of("DELETED"), "ACTIVE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("default status 'ACTIVE' is not among the allowed statuses [DELETED]");
        assertThatThrownBy(() -> new RowValidator("[0-9a-f]{24}", List.of(" "), "DELETED"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no allowed status configured");
    }
}
