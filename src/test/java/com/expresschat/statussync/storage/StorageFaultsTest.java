package com.expresschat.statussync.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.MovableClock;

class StorageFaultsTest {

    private static final Path DONE = Path.of("/data/done");
    private static final Path ERROR = Path.of("/data/error");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final StorageFaults faults = new StorageFaults(clock, Duration.ofSeconds(30));

    @Test
    void aFaultHoldsForTheRetryIntervalAndIsPresentUntilCleared() {
        FolderUnusableException fault = new FolderUnusableException(DONE, new IOException("No space left on device"));
        faults.record(fault);
        assertThat(faults.holding()).isSameAs(fault);
        clock.advance(Duration.ofSeconds(29));
        assertThat(faults.holding()).isSameAs(fault);
        clock.advance(Duration.ofSeconds(1));
        assertThat(faults.holding()).as("the folders may be tried again").isNull();
        assertThat(faults.present()).isTrue();
        faults.clear();
        assertThat(faults.present()).isFalse();
    }

    @Test
    void onlyWritesToTheFoldersOrAFullFileSystemCountAsStorageFaults() {
        List<Path> folders = List.of(DONE, ERROR);
        Exception notInFolders = new UncheckedIOException(new NotDirectoryException("/data/inbox/.claimed/x.txt"));
        assertThat(faults.recordIfStorage(notInFolders, folders)).isFalse();
        assertThat(faults.recordIfStorage(new IllegalStateException("no"), folders)).isFalse();
        assertThat(faults.present()).isFalse();

        Exception deadLetter = new UncheckedIOException("cannot record batch 3",
                new NotDirectoryException("/data/error/.users.txt.rejected.ndjson.part"));
        assertThat(faults.recordIfStorage(deadLetter, folders)).isTrue();
        assertThat(faults.holding()).hasMessageStartingWith(ERROR + " cannot take files");

        faults.clear();
        assertThat(faults.recordIfStorage(new IOException("No space left on device"), folders)).isTrue();
    }
}
