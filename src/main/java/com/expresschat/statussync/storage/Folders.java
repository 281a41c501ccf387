package com.expresschat.statussync.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The inbox, done/ and error/ folders (§5), and how files are named in them. */
public class Folders {

    private static final Logger LOG = LoggerFactory.getLogger(Folders.class);

    /** The receipt beside an archived or rejected input. */
    public static final String RECEIPT_SUFFIX = ".receipt.json";
    /** The error report beside a rejected input or a dead-letter file. */
    public static final String ERROR_SUFFIX = ".error.json";

    private final Path inbox;
    private final Path done;
    private final Path error;
    private final Claims claims;
    private final StorageFaults faults;
    private final long minFreeBytes;

    public Folders(Path inbox, Path done, Path error) {
        this(inbox, done, error, StorageFaults.none(), 0);
    }

    /**
     * {@code faults}: the storage fault that holds inputs; {@code minFreeBytes}: the free space done/, error/ and the
     * claim folder must have before an input is processed (statussync.storage.min-free-space; 0: any).
     */
    public Folders(Path inbox, Path done, Path error, StorageFaults faults, long minFreeBytes) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.done = done.toAbsolutePath().normalize();
        this.error = error.toAbsolutePath().normalize();
        this.claims = new Claims(this.inbox);
        this.faults = faults;
        this.minFreeBytes = minFreeBytes;
    }

    /**
     * Creates the folders (the claim folder too, so that its file system is checked before the first input is
     * claimed) and removes the part files a crash may have left in done/ and error/.
     */
    public void prepare() throws IOException {
        for (Path dir : new Path[] { inbox, done, error, claims.folder() }) {
            Files.createDirectories(dir);
        }
        for (Path dir : new Path[] { done, error }) {
            try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, ".*" + AtomicFiles.PART_SUFFIX)) {
                for (Path part : parts) {
                    LOG.info("Removing {} left unfinished by an earlier run", part);
                    Files.deleteIfExists(part);
                }
            }
        }
    }

    /**
     * Checks that done/ and error/ (and the claim folder, where journals are written) can take files and have the
     * free space required: before an input is claimed ({@link #admitsInputs}), before it is processed, and at each
     * flush of its journal while it is delivered, so that an input whose outcome could not be written stops sending.
     * While a storage fault holds ({@link StorageFaults}), this fails at once with it, without trying the folders.
     */
    public void checkUsable() throws FolderUnusableException {
        FolderUnusableException held = faults.holding();
        if (held != null) {
            throw held;
        }
        for (Path dir : writeFolders()) {
            try {
                Files.delete(Files.createTempFile(dir, ".write-check", AtomicFiles.PART_SUFFIX));
                // statvfs of the folder itself (java.io.File): cheap, and right even after a mount over the folder
                long free = minFreeBytes > 0 ? dir.toFile().getUsableSpace() : Long.MAX_VALUE;
                if (free < minFreeBytes) {
                    throw new IOException("only " + free + " bytes free, less than statussync.storage.min-free-space ("
                                          + minFreeBytes + ")");
                }
            } catch (IOException | RuntimeException e) {
                FolderUnusableException unusable = new FolderUnusableException(dir, e);
                faults.record(unusable);
                throw unusable;
            }
        }
        faults.clear();
    }

    /**
     * Whether the file intake may claim inputs now (its filterFile, asked for every file of a poll): not while a
     * storage fault holds them, and not unless the folders pass {@link #checkUsable} (free space included), so that an
     * input is never claimed that could not be finished. A check that passed stands for a second, however many files
     * a poll looks at.
     */
    public boolean admitsInputs() {
        if (faults.holding() != null) {
            return false;
        }
        if (faults.passedRecently()) {
            return true;
        }
        try {
            checkUsable();
            return true;
        } catch (FolderUnusableException e) {
            return false;
        }
    }

    /** The folders the product writes in: done/, error/, and the claim folder once there is one (journals). */
    public List<Path> writeFolders() {
        return Files.isDirectory(claims.folder()) ? List.of(done, error, claims.folder()) : List.of(done, error);
    }

    public StorageFaults faults() {
        return faults;
    }

    public Path inbox() {
        return inbox;
    }

    public Path done() {
        return done;
    }

    public Path error() {
        return error;
    }

    /** The inbox's claim folder, where inputs are read from once taken. */
    public Claims claims() {
        return claims;
    }

    /**
     * A path for {@code fileName} in {@code dir} that no file has yet: an earlier file of the same name is
     * never overwritten ("users.txt", then "users-2.txt", "users-3.txt"); the extension stays last so that a
     * file moved back to the inbox is still recognised.
     */
    public Path freeName(Path dir, String fileName) {
        return freeName(dir, fileName, existing -> false);
    }

    /** The same, but a file for which {@code reusable} holds may be replaced: its path is returned as free. */
    public Path freeName(Path dir, String fileName, Predicate<Path> reusable) {
        Path candidate = dir.resolve(fileName);
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        String extension = dot > 0 ? fileName.substring(dot) : "";
        for (int n = 2; (Files.exists(candidate) || Files.exists(AtomicFiles.partOf(candidate)))
                        && !reusable.test(candidate); n++) {
            candidate = dir.resolve(base + "-" + n + extension);
        }
        return candidate;
    }

    /** The report written beside an archived, rejected or dead-letter file. */
    public static Path besides(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }
}
