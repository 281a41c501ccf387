package com.expresschat.statussync.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claim folder (§5): a hidden {@code .claimed/} inside the inbox, on the same file system, into which the file
 * consumer renames an input the moment it takes it (Camel's {@code preMove}). From then on the product owns that
 * snapshot: validation and delivery both read it, and whatever happens to the dropped name in the inbox (deleted,
 * truncated, rewritten, renamed over) is another input, or nothing. Beside the claimed inputs lie their journals
 * ({@code .journal-<identity>.ndjson}), named by the snapshot's identity rather than its name, so that an input put
 * back into the inbox under another name still finds its journal.
 * <p>
 * An input stopped by a storage fault waits in {@code .claimed/.held/} (the file consumer's {@code moveFailed}, see
 * intake.FileIntake): still claimed, out of the way of a newer file of its name (which the consumer's
 * {@code preMove} would otherwise replace), until {@link HeldInputs} offers it again.
 */
public final class Claims {

    private static final Logger LOG = LoggerFactory.getLogger(Claims.class);

    /** The claim folder's name inside the inbox (hidden: the intake never takes it as an input). */
    public static final String FOLDER = ".claimed";
    /** Where inputs stopped by a storage fault wait, inside the claim folder. */
    public static final String HELD = ".held";
    static final String JOURNAL_PREFIX = ".journal-";
    static final String JOURNAL_SUFFIX = ".ndjson";

    private final Path folder;
    private final Path held;
    private final Path inbox;

    public Claims(Path inbox) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.folder = this.inbox.resolve(FOLDER);
        this.held = folder.resolve(HELD);
    }

    public Path folder() {
        return folder;
    }

    /** The folder of the inputs a storage fault stopped: {@code .claimed/.held/}. */
    public Path held() {
        return held;
    }

    /** Where the input dropped as {@code name} lies once it is claimed. */
    public Path claimed(String name) {
        return folder.resolve(name);
    }

    /**
     * A stable identity of a claimed file, the same after every rename on its file system (file key, size, time
     * stamp): it ties a journal and dead-letter files to these very bytes, never to a later file of the same name.
     */
    public static String identityOf(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        Object key = attributes.fileKey();
        String identity = (key == null ? file.getFileName().toString() : key.toString()) + "|" + attributes.size()
                          + "|" + attributes.lastModifiedTime().toMillis();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** The journal of the claimed input {@code snapshot} whose identity is {@code identity}: beside it. */
    public static Path journalBeside(Path snapshot, String identity) {
        return snapshot.resolveSibling(JOURNAL_PREFIX + identity + JOURNAL_SUFFIX);
    }

    /**
     * At start, before the file consumer runs: inputs an earlier run had claimed and not finished (a crash, a stop
     * past the shutdown timeout) are put back into the inbox (under a free name, should a newer file hold theirs),
     * so that they are taken again; their journals stay, and make them resume where they stopped. Journals whose
     * input is gone (archived just before the crash) are removed. Returns how many inputs were put back.
     */
    public int putBackUnfinished(Folders folders) throws IOException {
        // made by the file consumer when it claims its first input
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int putBack = 0;
        for (Path dir : List.of(folder, held)) {
            for (Path file : inputsIn(dir)) {
                Path back = putBack(file, folders.freeName(inbox, file.getFileName().toString()));
                putBack++;
                LOG.info("Input {} was claimed by an earlier run that did not finish it: put back into the inbox as "
                         + "{}, it resumes where its journal ends", file.getFileName(), back.getFileName());
            }
        }
        removeOrphanJournals();
        return putBack;
    }

    /** The claimed inputs lying in {@code dir} (the claim folder or the held folder), journals not included. */
    List<Path> inputsIn(Path dir) throws IOException {
        List<Path> inputs = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return inputs;
        }
        try (DirectoryStream<Path> claimed = Files.newDirectoryStream(dir)) {
            for (Path file : claimed) {
                if (!isJournal(file) && (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                                         || Files.isSymbolicLink(file))) {
                    inputs.add(file);
                }
            }
        }
        return inputs;
    }

    /** Renames a claimed input back into the inbox as {@code back} (its identity, and so its journal, stays). */
    Path putBack(Path file, Path back) throws IOException {
        return Files.move(file, back);
    }

    private void removeOrphanJournals() throws IOException {
        Set<String> live = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox)) {
            for (Path entry : entries) {
                try {
                    if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                        live.add(identityOf(entry));
                    }
                } catch (IOException gone) {
                    // removed meanwhile: not an input that needs its journal
                }
            }
        }
        try (DirectoryStream<Path> journals = Files.newDirectoryStream(folder, JOURNAL_PREFIX + "*")) {
            for (Path journal : journals) {
                String name = journal.getFileName().toString();
                String identity = name.substring(JOURNAL_PREFIX.length(), name.length() - JOURNAL_SUFFIX.length());
                if (!live.contains(identity)) {
                    LOG.info("Removing {}: its input was finished by an earlier run", journal);
                    Files.deleteIfExists(journal);
                }
            }
        }
    }

    private static boolean isJournal(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(JOURNAL_PREFIX) && name.endsWith(JOURNAL_SUFFIX)
               || name.endsWith(AtomicFiles.PART_SUFFIX);
    }
}
