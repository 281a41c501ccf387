package com.expresschat.statussync.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import com.expresschat.statussync.credentials.TokenSource;
import com.expresschat.statussync.model.StatusUpdate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dev profile's stand-in for express-chat (§7), served on loopback by routes/dev/: it checks the
 * bearer token and the body like the real endpoint would, and a few fault IDs make it misbehave so that
 * retries and dead letters can be seen without an account (see README, "Walk-through"):
 * <ul>
 * <li>{@value #FAULT_REJECT}: 400 to any batch holding it, so isolation sends the batch's halves on their own
 * until that ID alone is refused and dead-lettered as REJECTED, and the others are delivered;</li>
 * <li>{@value #FAULT_DOWN}: 500 every time, retried then dead-lettered as TRANSIENT;</li>
 * <li>{@value #FAULT_FLAKY}: 503 on the first attempt of a batch, then accepted;</li>
 * <li>{@value #FAULT_THROTTLE}: 429 with Retry-After: 1 on the first attempt of a batch, then accepted.</li>
 * </ul>
 */
public class ExpressChatSimulator implements Processor {

    public static final String FAULT_REJECT = "000000000000000000000400";
    public static final String FAULT_DOWN = "000000000000000000000500";
    public static final String FAULT_FLAKY = "000000000000000000000503";
    public static final String FAULT_THROTTLE = "000000000000000000000429";

    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");
    private static final int REMEMBERED_REQUESTS = 10_000;

    private final TokenSource tokens;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Request ids already failed once, so that a flaky fault succeeds on the retry. */
    private final Set<String> failedOnce = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_REQUESTS;
        }
    });

    public ExpressChatSimulator(TokenSource tokens) {
        this.tokens = tokens;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String authorization = message.getHeader("Authorization", String.class);
        String requestId = message.getHeader("X-Request-Id", String.class);
        String body = message.getBody(String.class);
        message.removeHeaders("*");
        if (!("Bearer " + tokens.token()).equals(authorization)) {
            answer(message, 401, Map.of("error", "missing or invalid bearer token"));
            return;
        }
        StatusUpdate update;
        try {
            update = json.readValue(body == null ? "" : body, StatusUpdate.class);
        } catch (JsonProcessingException e) {
            answer(message, 400, Map.of("error", "body is not a status update: " + e.getOriginalMessage()));
            return;
        }
        String problem = problemOf(update);
        if (problem != null) {
            answer(message, 400, Map.of("error", problem));
            return;
        }
        List<String> ids = update.ids();
        if (ids.contains(FAULT_REJECT)) {
            answer(message, 400, Map.of("error", "simulated rejection of " + FAULT_REJECT));
        } else if (ids.contains(FAULT_DOWN)) {
            answer(message, 500, Map.of("error", "simulated outage"));
        } else if (ids.contains(FAULT_FLAKY) && firstAttempt(requestId)) {
            answer(message, 503, Map.of("error", "simulated hiccup, try again"));
        } else if (ids.contains(FAULT_THROTTLE) && firstAttempt(requestId)) {
            message.setHeader("Retry-After", "1");
            answer(message, 429, Map.of("error", "simulated rate limit"));
        } else {
            answer(message, 200, Map.of("updated", ids.size(), "status", update.status()));
        }
    }

    private static String problemOf(StatusUpdate update) {
        if (update == null) {
            return "body is not a status update: null";
        }
        if (update.ids() == null || update.ids().isEmpty()) {
            return "ids is required";
        }
        if (update.status() == null || update.status().isBlank()) {
            return "status is required";
        }
        for (String id : update.ids()) {
            if (id == null || !OBJECT_ID.matcher(id).matches()) {
                return "invalid id: " + id;
            }
        }
        if (update.subscriberIds() != null) {
            for (String id : update.subscriberIds()) {
                if (id == null || !OBJECT_ID.matcher(id).matches()) {
                    return "invalid subscriberId: " + id;
                }
            }
        }
        return null;
    }

    private boolean firstAttempt(String requestId) {
        synchronized (failedOnce) {
            return failedOnce.add(String.valueOf(requestId));
        }
    }

    private void answer(Message message, int status, Map<String, Object> body) throws JsonProcessingException {
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(json.writeValueAsString(body));
    }
}
