package com.expresschat.statussync.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a file so that it is either absent or complete (§5: no half-written output looks complete):
 * the bytes go to a hidden {@code .<name>.part} beside the target, which is renamed over the target
 * only once written. A crash leaves at most a {@code .part} file, removed at the next start.
 */
public final class AtomicFiles {

    public static final String PART_SUFFIX = ".part";

    private AtomicFiles() {
    }

    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, Content content) throws IOException {
        write(target, content, false);
    }

    /**
     * Like {@link #write}, and the bytes and the new name are on disk (fsync) before this returns: for an input
     * accepted on a promise (a REST request answered 202), which a crash right after the answer must not lose.
     */
    public static void writeDurably(Path target, Content content) throws IOException {
        write(target, content, true);
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot sync a directory; the file itself is synced
        }
    }

    private static void write(Path target, Content content, boolean sync) throws IOException {
        Path part = partOf(target);
        try {
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
                if (sync) {
                    channel.force(true);
                }
            }
            publish(part, target);
        } catch (IOException e) {
            // neither a failed write nor a failed rename leaves the part file behind
            Files.deleteIfExists(part);
            throw naming(part, e);
        } catch (RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
    }

    /**
     * {@code failure} of a write to {@code file}, as an exception that names the file (a stream's write to a full
     * disk names none), so that the storage fault it is names its folder (StorageFaults).
     */
    public static IOException naming(Path file, IOException failure) {
        if (failure instanceof FileSystemException) {
            return failure;
        }
        FileSystemException named = new FileSystemException(file.toString(), null, failure.getMessage());
        named.initCause(failure);
        return named;
    }

    /** Writes a report (receipt, error report) as pretty-printed JSON, atomically. */
    public static void writeJson(Path target, ObjectMapper json, Object report) throws IOException {
        write(target, out -> json.writerWithDefaultPrettyPrinter().writeValue(out, report));
    }

    /** The hidden working name of a file being written. */
    public static Path partOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + PART_SUFFIX);
    }

    /** Renames a finished part file over its target in one step. */
    public static void publish(Path part, Path target) throws IOException {
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
