package com.expresschat.statussync.validation;

import java.io.IOException;

import org.apache.camel.Exchange;

import com.expresschat.statussync.ExchangeKeys;
import com.expresschat.statussync.Settings.OnInvalid;
import com.expresschat.statussync.intake.Input;
import com.expresschat.statussync.intake.InputRejectedException;
import com.expresschat.statussync.intake.Row;
import com.expresschat.statussync.intake.RowReader;
import com.expresschat.statussync.outcome.InputReport;

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

    public void validate(Exchange exchange) throws IOException {
        Input input = exchange.getProperty(ExchangeKeys.INPUT, Input.class);
        InputReport report = exchange.getProperty(ExchangeKeys.REPORT, InputReport.class);
        if (input.refusal() != null) {
            report.reject(input.refusal());
            return;
        }
        if (input.format() == null) {
            report.reject("'" + input.name() + "' is not a known input format; " + KNOWN_FORMATS);
            return;
        }
        try (RowReader rows = input.openRows()) {
            for (Row row = rows.next(); row != null; row = rows.next()) {
                report.rowRead();
                String problem = validator.problemOf(row);
                if (problem != null) {
                    report.invalidRow(row.line(), row.id(), problem);
                }
            }
        } catch (InputRejectedException e) {
            report.reject(e.getMessage());
            return;
        }
        judge(report);
    }

    private void judge(InputReport report) {
        if (report.rows() == 0) {
            report.reject("the input holds no user IDs");
        } else if (report.valid() == 0) {
            report.reject("no valid user IDs: all " + report.invalid() + " rows are invalid");
        } else if (report.invalid() > 0 && onInvalid == OnInvalid.REJECT) {
            report.reject(report.invalid() + " of " + report.rows()
                          + " rows are invalid (on-invalid=reject: nothing was sent)");
        }
    }
}
