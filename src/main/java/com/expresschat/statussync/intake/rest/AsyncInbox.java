package com.expresschat.statussync.intake.rest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.storage.AtomicFiles;
import com.expresschat.statussync.storage.Folders;

/**
 * {@code Prefer: respond-async} (§6): the body is stored in the inbox as a file of its format, durably and
 * atomically (a hidden part file, synced, then renamed), and the request is answered 202 with the input's name
 * and the {@code Location} of its receipt. From there it is an input like any dropped file: the file intake
 * takes it, and its receipt lands in done/ or error/.
 */
public class AsyncInbox {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncInbox.class);

    private final Folders folders;
    private final HttpAnswer answer;

    public AsyncInbox(Folders folders, HttpAnswer answer) {
        this.folders = folders;
        this.answer = answer;
    }

    /**
     * Removes the part files of bodies that a crash interrupted while they were written: those requests were never
     * answered 202, so their clients still hold them. Only this API's own part files are touched.
     */
    public void removeUnfinished() throws IOException {
        removeUnfinishedBefore(Instant.MAX);
    }

    /**
     * The same for part files last written before {@code before} only: with a shared inbox another instance may be
     * storing a body right now (a body is written in one go, in well under a second).
     */
    public void removeUnfinishedBefore(Instant before) throws IOException {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folders.inbox(), ".rest-*" + AtomicFiles.PART_SUFFIX)) {
            for (Path part : parts) {
                if (!Files.getLastModifiedTime(part).toInstant().isBefore(before)) {
                    continue;
                }
                LOG.info("Removing {}: a REST body whose storing was interrupted (it was never accepted)", part);
                Files.deleteIfExists(part);
            }
        }
    }

    /** Whether the request asked to be answered before it is processed ({@code Prefer: respond-async}). */
    public boolean isAsked(@ExchangeProperty(RestRequest.PROPERTY) RestRequest request) {
        return request.respondAsync();
    }

    /** Stores the body as a new input of the inbox; returns the 202 answer naming it. */
    public Answer store(@ExchangeProperty(RestRequest.PROPERTY) RestRequest request) throws IOException {
        String name = RestInputNames.newName(request.format());
        Path file = folders.inbox().resolve(name);
        AtomicFiles.writeDurably(file, out -> out.write(request.body()));
        LOG.info("REST request stored for processing as {} ({} bytes)", file, request.body().length);
        return answer.json(202, new Accepted(name), Map.of(
                "Location", ReceiptLookup.PATH + name,
                "Preference-Applied", "respond-async"));
    }

    /** The 202 answer's body. */
    public record Accepted(String input) {
    }
}
