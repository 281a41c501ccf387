package com.expresschat.statussync.storage;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage faults hold inputs, they do not loop (§5): once done/, error/ or the claim folder (journals) could not be
 * written, by the check before an input or by an input that failed writing there, no input is processed again
 * before {@code retryInterval} has passed: until then the check fails at once with the fault recorded (an input
 * taken meanwhile is put back unread, nothing is sent), and readiness and the storage metric report it. The first
 * check after the interval tries the folders again, and a check that passes clears the fault.
 */
public class StorageFaults {

    private static final Logger LOG = LoggerFactory.getLogger(StorageFaults.class);
    /** Messages of write failures that name no file (a stream's write, a file system's state). */
    private static final List<String> STORAGE_MESSAGES = List.of("no space left", "disk quota",
            "read-only file system");

    private final Clock clock;
    private final Duration retryInterval;
    private volatile Fault fault;

    private record Fault(FolderUnusableException exception, Instant at) {
    }

    public StorageFaults(Clock clock, Duration retryInterval) {
        this.clock = clock;
        this.retryInterval = retryInterval;
    }

    /** No hold: every check tries the folders (tools and tests that make Folders by hand). */
    public static StorageFaults none() {
        return new StorageFaults(Clock.systemUTC(), Duration.ZERO);
    }

    /** The fault recorded less than the retry interval ago, or null: the folders may be tried. */
    public FolderUnusableException holding() {
        Fault current = fault;
        return current != null && clock.instant().isBefore(current.at().plus(retryInterval)) ? current.exception()
                : null;
    }

    /**
     * Whether the file intake may take inputs now (its filterFile): not while a fault holds them, so that a held input
     * stays in the inbox untouched instead of being claimed and put back at every poll.
     */
    public boolean admitsInputs() {
        return holding() == null;
    }

    /** Whether a fault is recorded and not cleared by a check that passed since (the metric). */
    public boolean present() {
        return fault != null;
    }

    public void record(FolderUnusableException exception) {
        if (fault == null) {
            LOG.error("{}; inputs are held (nothing is sent), storage is tried again every {}", exception.getMessage(),
                    retryInterval);
        }
        fault = new Fault(exception, clock.instant());
    }

    public void clear() {
        if (fault != null) {
            LOG.info("Storage can take files again ({} was the fault): inputs are processed again",
                    fault.exception().getMessage());
            fault = null;
        }
    }

    /**
     * Records the failure of an input when it is a write to one of {@code folders} (or a full or read-only file
     * system); returns whether it was one.
     */
    public boolean recordIfStorage(Throwable failure, List<Path> folders) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (!(t instanceof IOException io)) {
                continue;
            }
            Path folder = folderOf(io, folders);
            if (folder != null) {
                record(new FolderUnusableException(folder, io));
                return true;
            }
        }
        return false;
    }

    private static Path folderOf(IOException io, List<Path> folders) {
        if (io instanceof FileSystemException fs && fs.getFile() != null) {
            Path file = Path.of(fs.getFile()).toAbsolutePath().normalize();
            for (Path folder : folders) {
                if (file.startsWith(folder)) {
                    return folder;
                }
            }
        }
        String message = String.valueOf(io.getMessage()).toLowerCase(Locale.ROOT);
        return STORAGE_MESSAGES.stream().anyMatch(message::contains) ? folders.get(0) : null;
    }
}
