package com.expresschat.statussync.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What happened to one batch, as listed in the receipt.
 *
 * @param number       1-based batch number within the input
 * @param requestId    the X-Request-Id the batch was sent with
 * @param status       the status the batch set
 * @param ids          how many IDs it carried
 * @param attempts     how many PUTs were made for it (0 in a dry run or when the circuit was open)
 * @param result       DELIVERED, the failure class it was dead-lettered with, or ISOLATED
 * @param httpStatus   express-chat's last answer, or null when there was none
 * @param response     the start of express-chat's last answer body, or null
 * @param request      in a dry run, the body that would have been sent; otherwise null
 * @param isolation    for a batch refused as a whole and then bisected (result ISOLATED): what became of its IDs
 * @param deliveredBy  with statussync.transport=kafka, the instance whose worker delivered the batch; else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchRecord(
        int number, String requestId, String status, int ids, int attempts, String result, Integer httpStatus,
        String response, StatusUpdate request, IsolationRecord isolation, String deliveredBy) {

    public static final String DELIVERED = "DELIVERED";
    public static final String DRY_RUN = "DRY_RUN";

    public BatchRecord(int number, String requestId, String status, int ids, int attempts, String result,
            Integer httpStatus, String response) {
        this(number, requestId, status, ids, attempts, result, httpStatus, response, null, null, null);
    }

    public BatchRecord(int number, String requestId, String status, int ids, int attempts, String result,
            Integer httpStatus, String response, StatusUpdate request, IsolationRecord isolation) {
        this(number, requestId, status, ids, attempts, result, httpStatus, response, request, isolation, null);
    }

    /** This record, naming the instance that delivered the batch. */
    public BatchRecord deliveredBy(String instance) {
        return new BatchRecord(number, requestId, status, ids, attempts, result, httpStatus, response, request,
                isolation, instance);
    }

    /** A batch of a dry run: what would have been sent, nothing was. */
    public static BatchRecord dryRun(Batch batch) {
        return new BatchRecord(batch.number(), batch.requestId(), batch.status(), batch.size(), 0, DRY_RUN, null,
                null, batch.toStatusUpdate(), null);
    }

    public boolean dryRun() {
        return DRY_RUN.equals(result);
    }

    public boolean delivered() {
        return DELIVERED.equals(result);
    }
}
