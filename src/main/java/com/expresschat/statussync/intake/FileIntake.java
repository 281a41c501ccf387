package com.expresschat.statussync.intake;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.model.Input;
import com.expresschat.statussync.model.Receipt;
import com.expresschat.statussync.storage.Folders;

/**
 * Turns a file picked up from the inbox into an {@link Input}.
 *
 * <p>A symbolic link is refused, never followed: its target may lie anywhere the service can read (its own token
 * file, say), and reading it would copy that file's lines into the error report as invalid rows; and archiving a
 * link would archive nothing, since the target can change after delivery. The link itself (not its target) is
 * then moved to error/ like any rejected input, and the target is left untouched.
 *
 * <p>The file is read from the claim folder, where the file consumer renamed it the moment it took it (its
 * {@code preMove}, see storage.Claims): validation and delivery read that snapshot, whatever happens to the dropped
 * name meanwhile. It is opened by its own name ({@link InboxEntries#entry} of the claim folder), never by the paths
 * Camel made of it: the name is data, one path segment, whatever it holds.
 */
public class FileIntake {

    private static final Logger LOG = LoggerFactory.getLogger(FileIntake.class);

    public static final String SOURCE = "file";

    private final InboxEntries entries;
    private final Folders folders;

    /** {@code claimed}: the entries of the folder taken files are read from (the claim folder). */
    public FileIntake(InboxEntries claimed) {
        this(claimed, null);
    }

    /** {@code folders}: where an input that failed goes (held, or back into the inbox), see {@link #failedPath}. */
    public FileIntake(InboxEntries claimed, Folders folders) {
        this.entries = claimed;
        this.folders = folders;
    }

    /** The input taken as {@code name} (the name it was dropped as; the file consumer's CamelFileNameOnly). */
    public Input toInput(@Header(Exchange.FILE_NAME_ONLY) String name) {
        Path path = entries.entry(name);
        InputFormat format = InputFormat.fromFileName(name).orElse(null);
        // NOFOLLOW_LINKS: a file swapped for a link after this check fails to open instead of being read through
        Input.Rows rows = format == null ? null
                : () -> format.open(Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS));
        String refusal = Files.isSymbolicLink(path) ? symbolicLink(name) : null;
        return new Input(name, SOURCE, true, format == null ? null : format.name(), rows, refusal, path);
    }

    /**
     * Where the file consumer puts a claimed input when processing failed (its {@code moveFailed}). Stopped by a
     * storage fault (done/, error/ or its journal could not be written): it stays claimed, in the held folder, until
     * storage works (storage.HeldInputs). Otherwise back into the inbox, under its name unless a newer file took it
     * meanwhile (never over that file), so that it is tried again. Either way its journal is kept.
     */
    public String failedPath(@Header(Exchange.FILE_NAME_ONLY) String name, Exchange failed) {
        // the exception as thrown, with its causes (@ExchangeException would bind the root cause alone); by the time
        // the consumer rolls back, Camel has moved it to the caught-exception property
        Exception failure = failed.getException() != null ? failed.getException()
                : failed.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (folders.faults().recordIfStorage(failure, folders.writeFolders())) {
            Path held = folders.freeName(folders.claims().held(), name);
            LOG.warn("Input {} stopped by a storage fault: held in {} until storage takes files, then it resumes where "
                     + "its journal ends", name, held.getParent());
            return held.toString();
        }
        return folders.freeName(folders.inbox(), name).toString();
    }

    /** Where the file consumer moves the input once it is done: the place its receipt names. */
    public String archivePath(@Body Receipt receipt) {
        return receipt.archivedAs();
    }

    static String symbolicLink(String name) {
        return "'" + name + "' is a symbolic link, which is never followed: "
                + "copy or move the file itself into the inbox";
    }
}
