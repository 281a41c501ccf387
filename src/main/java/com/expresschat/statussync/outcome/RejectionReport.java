package com.expresschat.statussync.outcome;

import java.util.List;

import com.expresschat.statussync.model.InvalidRow;
import com.expresschat.statussync.model.Tally;

/**
 * The {@code .error.json} beside a REJECTED input (§5): why nothing of it was sent. As in the receipt and the REST
 * problem, {@code invalidRows} lists the bad rows (the first 100) and {@code invalidRowCount} counts them all.
 */
public record RejectionReport(String input, String reason, long invalidRowCount, List<InvalidRow> invalidRows,
                              String fix) {

    public static RejectionReport of(String inputName, Tally tally) {
        return new RejectionReport(inputName, tally.rejectionReason(), tally.invalid(), tally.invalidRows(),
                "correct the input and drop it into the inbox again; nothing of it was sent");
    }
}
