package com.expresschat.statussync.validation;

import java.io.IOException;

import org.apache.camel.ExchangeProperty;

import com.expresschat.statussync.model.ExchangeKeys;
import com.expresschat.statussync.model.Input;
import com.expresschat.statussync.model.InputRejectedException;
import com.expresschat.statussync.model.InputRun;
import com.expresschat.statussync.model.Row;
import com.expresschat.statussync.model.RowReader;
import com.expresschat.statussync.model.Tally;

/**
 * The first pass over an input (§2): reads every row and validates it before anything is sent, counting
 * rows and naming the invalid ones. The input is rejected when it cannot be read as its format, holds no
 * IDs, or (with on-invalid=reject) has any invalid row. It is streamed: memory does not grow with its size.
 */
public class InputValidation {

    static final String KNOWN_FORMATS = "known: .txt, .ids, .lst or no extension (plain list), .csv, .json, "
                                        + ".ndjson or .jsonl";

    private final RowValidator validator;
    private final OnInvalid onInvalid;

    public InputValidation(RowValidator validator, OnInvalid onInvalid) {
        this.validator = validator;
        this.onInvalid = onInvalid;
    }

    /**
     * Counts and checks every row of the input into its tally.
     *
     * @throws InputRejectedException when the input is rejected (its reason is also in the tally): nothing of it
     *         may be sent; process-input catches it and writes the rejection
     */
    public void validate(@ExchangeProperty(ExchangeKeys.INPUT_RUN) InputRun run)
            throws IOException, InputRejectedException {
        Input input = run.input();
        Tally tally = run.tally();
        String rejection = input.refusal() != null ? input.refusal()
                : input.format() == null ? "'" + input.name() + "' is not a known input format; " + KNOWN_FORMATS
                : readAll(input, tally);
        if (rejection != null) {
            tally.reject(rejection);
            throw new InputRejectedException(rejection);
        }
    }

    /** Reads every row; returns why the input is rejected, or null. */
    private String readAll(Input input, Tally tally) throws IOException {
        try (RowReader rows = input.openRows()) {
            for (Row row = rows.next(); row != null; row = rows.next()) {
                tally.rowRead();
                String problem = validator.problemOf(row);
                if (problem != null) {
                    tally.invalidRow(row.line(), row.id(), problem);
                }
            }
        } catch (InputRejectedException e) {
            return e.getMessage();
        }
        return judge(tally);
    }

    private String judge(Tally tally) {
        if (tally.rows() == 0) {
            return "the input holds no user IDs";
        } else if (tally.valid() == 0) {
            return "no valid user IDs: all " + tally.invalid() + " rows are invalid";
        } else if (tally.invalid() > 0 && onInvalid == OnInvalid.REJECT) {
            return tally.invalid() + " of " + tally.rows() + " rows are invalid (on-invalid=reject: nothing was sent)";
        }
        return null;
    }
}
