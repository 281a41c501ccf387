package com.expresschat.statussync.model;

/** A row that failed validation, as named in reports: line number, value and reason. */
public record InvalidRow(long line, String value, String reason) {
}
