package com.expresschat.statussync.intake;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.apache.camel.Body;
import org.apache.camel.component.file.GenericFile;

import com.expresschat.statussync.model.Input;
import com.expresschat.statussync.model.Receipt;

/**
 * Turns a file picked up from the inbox into an {@link Input}.
 *
 * <p>A symbolic link is refused, never followed: its target may lie anywhere the service can read (its own token
 * file, say), and reading it would copy that file's lines into the error report as invalid rows; and archiving a
 * link would archive nothing, since the target can change after delivery. The link itself (not its target) is
 * then moved to error/ like any rejected input, and the target is left untouched.
 *
 * <p>The file is opened by its own name in the inbox ({@link InboxEntries#entry}), never by the paths Camel made of
 * it: the name is data, one path segment, whatever it holds.
 */
public class FileIntake {

    public static final String SOURCE = "file";

    private final InboxEntries entries;

    public FileIntake(InboxEntries entries) {
        this.entries = entries;
    }

    public Input toInput(@Body GenericFile<?> file) {
        String name = file.getFileNameOnly();
        Path path = entries.entry(name);
        InputFormat format = InputFormat.fromFileName(name).orElse(null);
        // NOFOLLOW_LINKS: a file swapped for a link after this check fails to open instead of being read through
        Input.Rows rows = format == null ? null
                : () -> format.open(Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS));
        String refusal = Files.isSymbolicLink(path) ? symbolicLink(name) : null;
        return new Input(name, SOURCE, true, format == null ? null : format.name(), rows, refusal);
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
