package com.expresschat.statussync.model;


import static com.expresschat.statussync.support.Samples.DELETED;
import static com.expresschat.statussync.support.Samples.batch;
import static com.expresschat.statussync.support.Samples.subscriberId;
import static com.expresschat.statussync.support.Samples.userId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The PUT body of a batch (§1, §3): made from the batch's rows and marshalled by Jackson. */
class StatusUpdateTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aBatchBecomesItsIdsStatusAndSubscriberIdsInRowOrder() {
        Batch batch = batch(1, List.of(
                Row.of(1, userId(1), subscriberId(1), null),
                Row.of(2, userId(2), null, null),
                Row.of(3, userId(3), subscriberId(3), null)));

        StatusUpdate update = batch.toStatusUpdate();

        assertThat(update.ids()).containsExactly(userId(1), userId(2), userId(3));
        assertThat(update.status()).isEqualTo(DELETED);
        assertThat(update.subscriberIds()).containsExactly(subscriberId(1), subscriberId(3));
    }

    @Test
    void marshalsIdsStatusAndSubscriberIdsInThatOrder() throws JsonProcessingException {
        StatusUpdate update = new StatusUpdate(List.of(userId(1), userId(2)), DELETED, List.of(subscriberId(1)));

        assertThat(json.writeValueAsString(update)).isEqualTo(
                "{\"ids\":[\"" + userId(1) + "\",\"" + userId(2) + "\"],\"status\":\"DELETED\","
                + "\"subscriberIds\":[\"" + subscriberId(1) + "\"]}");
    }

    @Test
    void leavesSubscriberIdsOutWhenNoRowHasOne() throws JsonProcessingException {
        StatusUpdate update = batch(1, List.of(Row.of(1, userId(1), null, null))).toStatusUpdate();

        assertThat(json.writeValueAsString(update))
                .isEqualTo("{\"ids\":[\"" + userId(1) + "\"],\"status\":\"DELETED\"}");
        assertThat(json.writeValueAsString(new StatusUpdate(List.of(userId(1)), DELETED, null)))
                .isEqualTo("{\"ids\":[\"" + userId(1) + "\"],\"status\":\"DELETED\"}");
    }

    @Test
    void escapesWhatJsonNeedsEscaped() throws JsonProcessingException {
        StatusUpdate update = new StatusUpdate(List.of("a\"b\\c"), "DELETED\n", List.of());

        assertThat(json.readValue(json.writeValueAsString(update), StatusUpdate.class)).isEqualTo(
                new StatusUpdate(List.of("a\"b\\c"), "DELETED\n", null));
    }
}
