package com.expresschat.statussync.storage;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AtomicFiles (§5): a file written through it is either absent or complete, and a failure leaves nothing. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    private Path target() {
        return dir.resolve("users.txt.receipt.json");
    }

    @Test
    void writesTheContentUnderTheTargetName() throws IOException {
        AtomicFiles.write(target(), out -> out.write(utf8("{\"outcome\":\"DELIVERED\"}")));

        assertThat(target()).hasContent("{\"outcome\":\"DELIVERED\"}");
        assertThat(names()).containsExactly("users.txt.receipt.json");
    }

    @Test
    void theTargetAppearsOnlyOnceComplete() throws IOException {
        AtomicFiles.write(target(), out -> {
            out.write(utf8("{\"outcome\":"));
            out.flush();
            assertThat(target()).doesNotExist();
            assertThat(AtomicFiles.partOf(target())).exists().hasFileName(".users.txt.receipt.json.part");
            out.write(utf8("\"DELIVERED\"}"));
        });

        assertThat(target()).hasContent("{\"outcome\":\"DELIVERED\"}");
    }

    @Test
    void replacesAnEarlierVersionOfTheTarget() throws IOException {
        Files.writeString(target(), "old");

        AtomicFiles.write(target(), out -> out.write(utf8("new")));

        assertThat(target()).hasContent("new");
    }

    @Test
    void aFailedWriteLeavesNoPartFileAndTheEarlierTargetUntouched() throws IOException {
        Files.writeString(target(), "old");

        assertThatThrownBy(() -> AtomicFiles.write(target(), out -> {
            out.write(utf8("half"));
            throw new IOException("disk full");
        })).as("names the file it could not write (its folder is the storage fault)")
                .isInstanceOf(FileSystemException.class).hasMessage(AtomicFiles.partOf(target()) + ": disk full");
        assertThatThrownBy(() -> AtomicFiles.write(target(), out -> {
            throw new IllegalStateException("cannot marshal");
        })).hasMessage("cannot marshal");

        assertThat(target()).hasContent("old");
        assertThat(names()).containsExactly("users.txt.receipt.json");
    }

    @Test
    void aFailedRenameLeavesNoPartFile() throws IOException {
        // a non-empty directory in the way: the part file cannot be renamed over it
        Files.createDirectories(target().resolve("in-the-way"));

        assertThatThrownBy(() -> AtomicFiles.write(target(), out -> out.write(utf8("{}"))))
                .isInstanceOf(IOException.class);

        assertThat(AtomicFiles.partOf(target())).doesNotExist();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
