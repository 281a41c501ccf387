package com.expresschat.statussync.storage;


import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders: the inbox, done/ and error/ (§5), and names that never overwrite an earlier file. */
class FoldersTest {

    @TempDir
    Path data;

    private Folders folders;

    @BeforeEach
    void folders() {
        folders = new Folders(data.resolve("in/box"), data.resolve("done"), data.resolve("error"));
    }

    @Test
    void aFreeNameIsKept() {
        assertThat(folders.freeName(data, "users.txt")).isEqualTo(data.resolve("users.txt"));
    }

    @Test
    void aTakenNameGetsANumberBeforeItsExtension() throws IOException {
        touch("users.txt");
        assertThat(folders.freeName(data, "users.txt")).isEqualTo(data.resolve("users-2.txt"));

        touch("users-2.txt");
        assertThat(folders.freeName(data, "users.txt")).isEqualTo(data.resolve("users-3.txt"));
    }

    @Test
    void onlyTheLastExtensionStaysLast() throws IOException {
        touch("users.txt.transient.ndjson");

        assertThat(folders.freeName(data, "users.txt.transient.ndjson"))
                .isEqualTo(data.resolve("users.txt.transient-2.ndjson"));
    }

    @Test
    void aNameWithoutExtensionGetsTheNumberAtTheEnd() throws IOException {
        touch("users");

        assertThat(folders.freeName(data, "users")).isEqualTo(data.resolve("users-2"));
    }

    @Test
    void aNameWhosePartFileExistsIsTaken() throws IOException {
        touch(".users.txt.part");

        assertThat(folders.freeName(data, "users.txt")).isEqualTo(data.resolve("users-2.txt"));
    }

    @Test
    void prepareCreatesTheFolders() throws IOException {
        folders.prepare();

        assertThat(folders.inbox()).isDirectory().isEqualTo(data.resolve("in/box"));
        assertThat(folders.done()).isDirectory();
        assertThat(folders.error()).isDirectory();
    }

    @Test
    void prepareRemovesOnlyTheHiddenPartFilesOfDoneAndError() throws IOException {
        folders.prepare();
        for (Path dir : new Path[] { folders.done(), folders.error() }) {
            Files.writeString(dir.resolve(".users.txt.part"), "half");
            Files.writeString(dir.resolve(".users.txt.receipt.json.part"), "half");
            Files.writeString(dir.resolve("users.txt"), "archived");
            Files.writeString(dir.resolve("users.part"), "an input named like that");
            Files.writeString(dir.resolve(".hidden"), "not ours");
        }
        Files.writeString(folders.inbox().resolve(".upload.txt.part"), "still being uploaded");

        folders.prepare();

        for (Path dir : new Path[] { folders.done(), folders.error() }) {
            assertThat(names(dir)).containsExactlyInAnyOrder("users.txt", "users.part", ".hidden");
        }
        assertThat(names(folders.inbox())).containsExactlyInAnyOrder(".upload.txt.part", Claims.FOLDER);
    }

    @Test
    void aReportIsNamedAfterTheFileItDescribes() {
        assertThat(Folders.besides(data.resolve("users.txt"), ".receipt.json"))
                .isEqualTo(data.resolve("users.txt.receipt.json"));
    }

    private void touch(String name) throws IOException {
        Files.createFile(data.resolve(name));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }
}
