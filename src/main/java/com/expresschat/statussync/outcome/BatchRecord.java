package com.expresschat.statussync.outcome;

/**
 * What happened to one batch, as listed in the receipt.
 *
 * @param number       1-based batch number within the input
 * @param requestId    the X-Request-Id the batch was sent with
 * @param status       the status the batch set
 * @param ids          how many IDs it carried
 * @param attempts     how many PUTs were made for it (0 in a dry run or when the circuit was open)
 * @param result       DELIVERED, or the failure class it was dead-lettered with
 * @param httpStatus   express-chat's last answer, or null when there was none
 * @param response     the start of express-chat's last answer body, or null
 */
public record BatchRecord(
        int number, String requestId, String status, int ids, int attempts, String result, Integer httpStatus,
        String response) {

    public static final String DELIVERED = "DELIVERED";

    public boolean delivered() {
        return DELIVERED.equals(result);
    }
}
