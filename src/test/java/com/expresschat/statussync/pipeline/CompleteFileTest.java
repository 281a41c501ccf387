package com.expresschat.statussync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/** A file is picked up only once it is complete (§6). */
class CompleteFileTest extends StatusSyncTestSupport {

    @Test
    void aFileAppendedOverThreeSecondsIsTakenOnlyWhenComplete() throws Exception {
        expressChat.acceptAll();
        Files.createDirectories(inbox());
        Path file = inbox().resolve("slow.txt");
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            for (int i = 1; i <= 15; i++) { // 15 x 200 ms = 3 s
                out.write((objectId(i) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200)); // the writer's pace, not a wait for the product
                assertThat(expressChat.requests()).as("nothing sent while the file is written").isEmpty();
                assertThat(file).exists();
            }
        }

        JsonNode receipt = awaitDone("slow.txt");

        assertThat(receipt.path("counts").path("delivered").asInt()).isEqualTo(15);
        assertThat(expressChat.receivedIds()).hasSize(15);
    }

    @Test
    void aFileStillGrowingDoesNotHoldBackAFileDroppedBesideIt() throws Exception {
        expressChat.acceptAll();
        Files.createDirectories(inbox());
        Path growing = inbox().resolve("growing.txt");
        try (OutputStream out = Files.newOutputStream(growing, StandardOpenOption.CREATE_NEW)) {
            for (int i = 1; i <= 40; i++) { // 40 x 200 ms = 8 s, far longer than the read-lock time-out (1 s)
                out.write((objectId(i) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200)); // the writer's pace, not a wait for the product
                if (i == 5) {
                    drop("small.txt", ids(1, 100));
                }
                if (Files.exists(done().resolve("small.txt.receipt.json"))) {
                    break;
                }
            }
            assertThat(done().resolve("small.txt.receipt.json")).as("the small file was done while the other grew")
                    .exists();
            assertThat(expressChat.receivedIds()).containsExactly(objectId(100));
        }

        awaitDone("growing.txt");
    }

    @Test
    void hiddenTemporaryAndReportFilesAreNotInputs() throws Exception {
        expressChat.acceptAll();
        drop(".hidden.txt", ids(1, 1));
        drop("upload.txt.tmp", ids(1, 2));
        drop("old.txt.receipt.json", "{}");
        drop("old.txt.error.json", "{}");
        drop("real.txt", ids(1, 3));

        awaitDone("real.txt");

        assertThat(expressChat.receivedIds()).containsExactly(objectId(3));
        assertThat(inbox().resolve(".hidden.txt")).exists();
        assertThat(inbox().resolve("upload.txt.tmp")).exists();
        assertThat(inbox().resolve("old.txt.receipt.json")).exists();
        assertThat(inbox().resolve("old.txt.error.json")).exists();
    }
}
