package com.expresschat.statussync.outcome;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
        Path part = partOf(target);
        try {
            try (OutputStream out = Files.newOutputStream(part)) {
                content.writeTo(out);
            }
            publish(part, target);
        } catch (IOException | RuntimeException e) {
            // neither a failed write nor a failed rename leaves the part file behind
            Files.deleteIfExists(part);
            throw e;
        }
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
