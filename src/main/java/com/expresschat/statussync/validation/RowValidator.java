package com.expresschat.statussync.validation;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import com.expresschat.statussync.intake.Excerpt;
import com.expresschat.statussync.model.Row;

/**
 * Decides whether a row may be sent (SPEC §2). IDs and subscriber IDs must match the configured pattern
 * in full, ignoring case. Statuses are compared exactly (after trimming): they are sent verbatim, so
 * "deleted" is not quietly taken for "DELETED". A blank status is invalid: the default applies only to a row
 * whose input carries no status at all.
 */
public final class RowValidator {

    private final IdPattern idPattern;
    private final Set<String> allowedStatuses;
    private final String defaultStatus;

    /**
     * @throws IllegalArgumentException if the pattern is invalid, no status is allowed, or the default
     *         status is not allowed (every row without a status would then fail: a configuration error)
     */
    public RowValidator(String idPattern, Collection<String> allowedStatuses, String defaultStatus) {
        this.idPattern = new IdPattern(idPattern);
        this.allowedStatuses = new LinkedHashSet<>();
        for (String status : allowedStatuses) {
            if (status != null && !status.isBlank()) {
                this.allowedStatuses.add(status.strip());
            }
        }
        if (this.allowedStatuses.isEmpty()) {
            throw new IllegalArgumentException("no allowed status configured");
        }
        this.defaultStatus = Objects.requireNonNull(defaultStatus, "defaultStatus").strip();
        if (!this.allowedStatuses.contains(this.defaultStatus)) {
            throw new IllegalArgumentException("default status '" + this.defaultStatus
                    + "' is not among the allowed statuses " + this.allowedStatuses);
        }
    }

    /** Why the row may not be sent, or null when it may. */
    public String problemOf(Row row) {
        if (!row.parsed()) {
            return row.problem();
        }
        if (row.id() == null) {
            return "no user ID";
        }
        if (!idPattern.matches(row.id())) {
            return "user ID '" + Excerpt.of(row.id()) + "' does not match " + idPattern;
        }
        if (row.subscriberId() != null && !idPattern.matches(row.subscriberId())) {
            return "subscriber ID '" + Excerpt.of(row.subscriberId()) + "' does not match " + idPattern;
        }
        if (row.status() != null && row.status().isEmpty()) {
            // present but empty: the sender meant some status, and guessing the (destructive) default is no answer
            return "status is blank (allowed: " + String.join(", ", allowedStatuses) + ")";
        }
        String status = statusOf(row);
        if (!allowedStatuses.contains(status)) {
            return "status '" + Excerpt.of(status) + "' is not allowed (allowed: "
                    + String.join(", ", allowedStatuses) + ")";
        }
        return null;
    }

    /** The status to send for the row: its own, or the configured default. */
    public String statusOf(Row row) {
        return row.status() == null ? defaultStatus : row.status().strip();
    }
}
