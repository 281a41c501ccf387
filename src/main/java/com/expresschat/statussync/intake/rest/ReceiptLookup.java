package com.expresschat.statussync.intake.rest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.apache.camel.Header;

import com.expresschat.statussync.storage.Folders;

/**
 * {@code GET /api/v1/status-updates/{name}}: the receipt of an input accepted with {@code Prefer: respond-async},
 * from done/ (or error/ when it was REJECTED) once it is written; 404 before, and for any name this API did not
 * issue (only issued names, which hold no path, are ever looked up on disk).
 */
public class ReceiptLookup {

    static final String PATH = "/api/v1/status-updates/";

    private final Folders folders;
    private final HttpAnswer answer;

    public ReceiptLookup(Folders folders, HttpAnswer answer) {
        this.folders = folders;
        this.answer = answer;
    }

    public Answer receiptOf(@Header("name") String name) throws IOException {
        if (!RestInputNames.isIssued(name)) {
            throw RestProblem.notFound("not an input name issued by this API");
        }
        for (Path dir : new Path[] { folders.done(), folders.error() }) {
            try {
                return answer.jsonBytes(200, Files.readAllBytes(dir.resolve(name + Folders.RECEIPT_SUFFIX)));
            } catch (NoSuchFileException notThere) {
                // not in this folder (yet)
            }
        }
        // taken inputs are read from the claim folder until they are archived (held there by a storage fault too)
        throw RestProblem.notFound(Files.exists(folders.inbox().resolve(name))
                                   || Files.exists(folders.claims().claimed(name))
                                   || Files.exists(folders.claims().held().resolve(name))
                ? "input " + name + " is waiting in the inbox or being processed; ask again later"
                : "no receipt for input " + name);
    }
}
