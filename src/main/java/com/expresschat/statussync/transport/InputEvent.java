package com.expresschat.statussync.transport;

import java.util.regex.Pattern;

import com.expresschat.statussync.model.BatchOutcome;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A record of the outcomes topic, keyed by its input run so that one collector owns an input: a batch's outcome
 * (from a worker) or the input's closing record (from its intake). Exactly one of the two is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputEvent(String inputId, BatchOutcome outcome, InputClosed closed) {

    private static final Pattern INPUT_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public InputEvent {
        if (inputId == null || !INPUT_ID.matcher(inputId).matches()) {
            throw new IllegalArgumentException("an input event's inputId must be a UUID, was '" + inputId + "'");
        }
        if ((outcome == null) == (closed == null)) {
            throw new IllegalArgumentException("input event " + inputId + " must carry an outcome or a closing record");
        }
    }

    public static InputEvent of(String inputId, BatchOutcome outcome) {
        return new InputEvent(inputId, outcome, null);
    }

    public static InputEvent closing(String inputId, InputClosed closed) {
        return new InputEvent(inputId, null, closed);
    }

    @JsonIgnore
    public boolean isClosing() {
        return closed != null;
    }
}
