package com.expresschat.statussync.intake;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * Which inbox entries the file intake may take as they are (§6: a file name is data, never a path). It is the
 * file consumer's {@code filter}: an entry it refuses is never read, locked or moved by Camel, and
 * UnusableEntries rejects it into error/ under a safe name instead.
 *
 * <p>Why the file consumer is not trusted with such names: Camel's GenericFile turns every backslash into the
 * path separator (normalizePathToProtocol) in the absolute path it locks, reads and moves, so on Linux, where a
 * backslash is an ordinary character, the dropped file {@code a\..\..\outside\x.txt} would be read as
 * {@code outside/x.txt}. Names that can be taken are one plain segment, so those paths are the file itself.
 * Refused: backslashes, control characters, names that are not valid UTF-8 or not text in the platform charset,
 * names too long for the reports written beside them, anything but a regular file or a symbolic link (a FIFO
 * would block the intake on open; links are rejected by FileIntake without being followed), and files the
 * service cannot read.
 */
public class InboxEntries implements GenericFileFilter<File> {

    /**
     * Longest name that can be processed, in bytes: its longest output, a dead-letter report in its hidden part
     * file (".name-9999.throttled.ndjson.error.json.part"), must stay within the file system's 255 bytes.
     */
    public static final int MAX_NAME_BYTES = 255 - ".-9999.throttled.ndjson.error.json.part".length();

    private final Path inbox;

    public InboxEntries(Path inbox) {
        this.inbox = inbox;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        if (file.isDirectory()) {
            return true;
        }
        try {
            Path entry = inbox.resolve(file.getFileNameOnly());
            // a listed name that names nothing lost bytes in the platform charset: UnusableEntries takes it
            return Files.exists(entry, LinkOption.NOFOLLOW_LINKS) && problemOf(entry).isEmpty();
        } catch (InvalidPathException notInThePlatformCharset) {
            return false;
        }
    }

    /** The dropped entry's path for this name, after checking that the name is one segment that can be taken. */
    public Path entry(String name) {
        Path entry = inbox.resolve(name);
        String problem = problemOf(entry).orElse(null);
        if (problem != null || !inbox.equals(entry.getParent())) {
            throw new IllegalArgumentException("not an inbox entry that can be taken: " + FileNames.printable(name));
        }
        return entry;
    }

    /** Why the file intake cannot take this entry as it is, or empty when it can. */
    public static Optional<String> problemOf(Path entry) {
        byte[] bytes = FileNames.bytesOf(entry);
        String name = entry.getFileName().toString();
        String shown = "'" + FileNames.printable(bytes) + "'";
        if (!FileNames.isUtf8(bytes)) {
            return Optional.of("the file name " + shown + " is not valid UTF-8");
        }
        if (!new String(bytes, StandardCharsets.UTF_8).equals(name) || !roundTrips(entry, name)) {
            return Optional.of("the file name " + shown + " is not valid text in the platform charset ("
                               + FileNames.platformCharset() + "): run the service with a UTF-8 locale "
                               + "(LC_ALL=C.UTF-8)");
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("the file name " + shown + " contains a backslash, which Camel's file component "
                               + "would take as a path separator");
        }
        if (FileNames.hasControl(name)) {
            return Optional.of("the file name " + shown + " contains control characters");
        }
        if (bytes.length > MAX_NAME_BYTES) {
            return Optional.of("the file name is " + bytes.length + " bytes long: the reports written beside it "
                               + "would pass the file system's 255-byte limit (at most " + MAX_NAME_BYTES + " bytes)");
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException gone) {
            return Optional.empty(); // deleted meanwhile: nothing to take, nothing to reject
        }
        if (attributes.isOther()) {
            return Optional.of(shown + " is not a regular file (a FIFO, socket or device): only files are inputs");
        }
        if (attributes.isRegularFile() && !Files.isReadable(entry)) {
            return Optional.of(shown + " cannot be read by the service (permissions): make it readable and drop "
                               + "it again");
        }
        return Optional.empty();
    }

    /** Whether the name, as a string, still names this entry (it does not when the platform charset lost bytes). */
    private static boolean roundTrips(Path entry, String name) {
        try {
            return Files.exists(entry.resolveSibling(name), LinkOption.NOFOLLOW_LINKS)
                   || !Files.exists(entry, LinkOption.NOFOLLOW_LINKS);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
