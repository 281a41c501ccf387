package com.expresschat.statussync.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.storage.Claims;
import com.expresschat.statussync.storage.Folders;
import com.fasterxml.jackson.databind.ObjectMapper;

class AsyncInboxTest {

    @TempDir
    Path dir;

    @Test
    void removesOnlyThePartFilesOfRestBodiesLeftByACrash() throws IOException {
        Folders folders = new Folders(dir.resolve("inbox"), dir.resolve("done"), dir.resolve("error"));
        folders.prepare();
        Path inbox = folders.inbox();
        Files.writeString(inbox.resolve(".rest-00000000-0000-0000-0000-000000000000.txt.part"), "interrupted");
        Files.writeString(inbox.resolve("rest-00000000-0000-0000-0000-000000000001.txt"), "accepted");
        Files.writeString(inbox.resolve(".users.txt.part"), "someone else's upload");

        new AsyncInbox(folders, new HttpAnswer(new ObjectMapper())).removeUnfinished();

        try (var files = Files.list(inbox)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("rest-00000000-0000-0000-0000-000000000001.txt", ".users.txt.part",
                            Claims.FOLDER);
        }
    }
}
