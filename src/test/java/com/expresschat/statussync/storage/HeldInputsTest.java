package com.expresschat.statussync.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.support.MovableClock;

class HeldInputsTest {

    @TempDir
    Path root;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private Folders folders;
    private HeldInputs held;
    private Path input;

    @BeforeEach
    void anInputHeldByAFault() throws IOException {
        folders = new Folders(root.resolve("inbox"), root.resolve("done"), root.resolve("error"),
                new StorageFaults(clock, Duration.ofSeconds(30)), 0);
        folders.prepare();
        held = new HeldInputs(folders);
        input = Files.writeString(Files.createDirectories(folders.claims().held()).resolve("users.txt"), "x\n");
        folders.faults().record(new FolderUnusableException(folders.done(), new IOException("No space left")));
    }

    @Test
    void heldUntilTheRetryIntervalIsOverThenOfferedAgainUnderItsNameWithItsIdentity() throws Exception {
        String identity = Claims.identityOf(input);
        assertThat(held.offerAgain()).as("within the hold").isZero();
        clock.advance(Duration.ofSeconds(29));
        assertThat(held.offerAgain()).isZero();
        assertThat(input).exists();

        clock.advance(Duration.ofSeconds(1));
        assertThat(held.offerAgain()).isEqualTo(1);

        Path back = folders.inbox().resolve("users.txt");
        assertThat(back).hasContent("x\n");
        assertThat(Claims.identityOf(back)).as("its journal is still its own").isEqualTo(identity);
        assertThat(folders.faults().present()).as("the check passed").isFalse();
    }

    @Test
    void notOfferedWhileTheFoldersStillFailNorOverANewerFileOfItsName() throws Exception {
        clock.advance(Duration.ofSeconds(30));
        Files.delete(folders.error());
        Files.writeString(folders.error(), "not a folder");
        assertThat(held.offerAgain()).as("error/ still fails: held for another interval").isZero();
        assertThat(folders.faults().holding()).hasMessageStartingWith(folders.error() + " cannot take files");

        Files.delete(folders.error());
        Files.createDirectory(folders.error());
        clock.advance(Duration.ofSeconds(30));
        Files.writeString(folders.inbox().resolve("users.txt"), "newer\n");
        assertThat(held.offerAgain()).as("a newer users.txt waits in the inbox").isZero();
        assertThat(input).exists();
        assertThat(folders.inbox().resolve("users.txt")).hasContent("newer\n");
    }

    @Test
    void aStartPutsHeldInputsBackLikeAnyClaim() throws Exception {
        assertThat(folders.claims().putBackUnfinished(folders)).isEqualTo(1);
        assertThat(folders.inbox().resolve("users.txt")).hasContent("x\n");
        assertThat(input).doesNotExist();
    }
}
