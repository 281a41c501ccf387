package com.expresschat.statussync.intake;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.component.file.AntFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.model.Input;
import com.expresschat.statussync.storage.Folders;

/**
 * Gives every inbox entry the file intake cannot take as it is (see {@link InboxEntries}) an outcome (§6): once it
 * has not changed for {@code stable-for}, it is moved into error/ under a safe name ({@link FileNames#safe}) and
 * REJECTED there with its reports, which name the original (escaped) and the reason. It is never read. An entry that
 * cannot even be moved (error/ unusable, the inbox read-only) is reported once, counted ({@link StuckEntries}) and left
 * alone, never retried at every poll; it is tried again only after a restart.
 *
 * <p>The inbox is listed with NIO: its paths keep a name's raw bytes, so even a name that is not text in the
 * platform charset can be moved. Hidden entries, folders and names the intake excludes (temporary files, reports)
 * are not inputs and are left alone.
 */
public class UnusableEntries {

    private static final Logger LOG = LoggerFactory.getLogger(UnusableEntries.class);

    /** Ends an entry that lies in error/ already, never read: writes its receipt and error report beside it. */
    @FunctionalInterface
    public interface Rejection {
        void rejectUnread(Input input, Path rejected) throws IOException;
    }

    private final Folders folders;
    private final Rejection rejection;
    private final AntFilter notExcluded = new AntFilter();
    private final Duration stableFor;
    private final Clock clock;
    private final StuckEntries stuck;

    /** {@code exclude}: the file intake's ant patterns of names that are never inputs (statussync.file.exclude). */
    public UnusableEntries(Folders folders, Rejection rejection, String exclude, Duration stableFor,
            StuckEntries stuck, Clock clock) {
        this.folders = folders;
        this.rejection = rejection;
        this.notExcluded.setExcludes(exclude);
        this.stableFor = stableFor;
        this.stuck = stuck;
        this.clock = clock;
    }

    /** Rejects the inbox entries that cannot be taken; returns how many were moved to error/. */
    public int rejectAll() throws IOException {
        int rejected = 0;
        Set<Path> present = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folders.inbox())) {
            for (Path entry : entries) {
                Optional<String> problem = problemOf(entry);
                if (problem.isEmpty()) {
                    continue;
                }
                present.add(entry);
                if (!stuck.contains(entry) && reject(entry, problem.get())) {
                    rejected++;
                }
            }
        }
        stuck.retainAll(present);
        return rejected;
    }

    private Optional<String> problemOf(Path entry) throws IOException {
        byte[] name = FileNames.bytesOf(entry);
        if (name.length == 0 || name[0] == '.' || Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
            || !notExcluded.accept(false, entry.getFileName().toString())) {
            return Optional.empty();
        }
        Optional<String> problem = InboxEntries.problemOf(entry);
        if (problem.isEmpty() || !isStable(entry)) {
            return Optional.empty();
        }
        return problem;
    }

    /** Unchanged for stable-for: a file still being written under a bad name is moved once it is complete. */
    private boolean isStable(Path entry) {
        try {
            long modified = Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toMillis();
            return clock.millis() - modified >= stableFor.toMillis();
        } catch (IOException gone) {
            return false;
        }
    }

    private boolean reject(Path entry, String problem) throws IOException {
        byte[] name = FileNames.bytesOf(entry);
        String safe = FileNames.safe(name);
        Path target = folders.freeName(folders.error(), safe);
        try {
            // a rename in the same file system: the entry itself, whatever it is, is never opened
            Files.move(entry, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            stuck.add(entry);
            LOG.error("Inbox entry '{}' cannot be taken ({}) and cannot be moved to {} ({}): it is left in the inbox "
                      + "and not tried again until a restart", FileNames.printable(name), problem, folders.error(),
                    e.toString());
            return false;
        }
        String reason = problem + "; nothing of it was read or sent, and it was moved to error/ as '" + target.getFileName()
                        + "'";
        Input input = new Input(FileNames.printable(name), FileIntake.SOURCE, true,
                InputFormat.fromFileName(safe).map(InputFormat::name).orElse(null), null, reason);
        rejection.rejectUnread(input, target);
        return true;
    }
}
