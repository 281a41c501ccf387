package com.expresschat.statussync.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The body of {@code PUT /inbox/users/status-update} (§1), marshalled by Jackson.
 * {@code subscriberIds} is left out when empty.
 */
@JsonPropertyOrder({ "ids", "status", "subscriberIds" })
public record StatusUpdate(
        List<String> ids,
        String status,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> subscriberIds) {
}
