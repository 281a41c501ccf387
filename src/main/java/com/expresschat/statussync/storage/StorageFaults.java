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
 * written, by the check before an input is claimed, the check an input makes at each journal flush, or an input that
 * failed writing there, no input is processed again before {@code retryInterval} has passed: until then the check
 * fails at once with the fault recorded (nothing is claimed or sent; an input that failed waits in the claim folder,
 * see {@link HeldInputs}), and readiness and the storage metric report it. The first check after the interval tries
 * the folders again, and a check that passes clears the fault.
 */
public class StorageFaults {

    private static final Logger LOG = LoggerFactory.getLogger(StorageFaults.class);
    /** Messages of write failures that name no file (a stream's write, a file system's state). */
    private static final List<String> STORAGE_MESSAGES = List.of("no space left", "disk quota",
            "read-only file system");

    /** How long a check that passed stands for the file intake ({@link Folders#admitsInputs}). */
    static final Duration PASSED_CHECK_STANDS = Duration.ofSeconds(1);

    private final Clock clock;
    private final Duration retryInterval;
    private volatile Fault fault;
    private volatile Instant passedAt = Instant.MIN;

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

    /** Whether a check of the folders passed less than {@link #PASSED_CHECK_STANDS} ago and no fault came since. */
    boolean passedRecently() {
        return fault == null && clock.instant().isBefore(passedAt.plus(PASSED_CHECK_STANDS));
    }

    /** Whether a fault is recorded and not cleared by a check that passed since (the metric). */
    public boolean present() {
        return fault != null;
    }

    public void record(FolderUnusableException exception) {
        if (fault == null) {
            LOG.error("{}: nothing is claimed or sent meanwhile, storage is tried again every {}",
                    exception.getMessage(), retryInterval);
        }
        fault = new Fault(exception, clock.instant());
    }

    /** A check of the folders passed: a fault recorded is over. */
    public void clear() {
        passedAt = clock.instant();
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
        FolderUnusableException unusable = storageFault(failure, folders);
        if (unusable != null) {
            record(unusable);
        }
        return unusable != null;
    }

    /**
     * The storage fault {@code failure} is, or is caused by: a write to one of {@code folders} (or a full or read-only
     * file system) that failed; null when it is none.
     */
    public static FolderUnusableException storageFault(Throwable failure, List<Path> folders) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FolderUnusableException unusable) {
                return unusable;
            }
            if (!(t instanceof IOException io)) {
                continue;
            }
            Path folder = folderOf(io, folders);
            if (folder != null) {
                return new FolderUnusableException(folder, io);
            }
        }
        return null;
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
