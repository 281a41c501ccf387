package com.expresschat.statussync.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** InboxEntries: which inbox entries the file intake takes as they are, and why not the others. */
class InboxEntriesTest {

    @TempDir
    Path inbox;

    @Test
    void aPlainRegularFileCanBeTaken() throws Exception {
        Path file = Files.writeString(inbox.resolve("users list (1).txt"), "x");

        assertThat(InboxEntries.problemOf(file)).isEmpty();
        assertThat(new InboxEntries(inbox).entry("users list (1).txt")).isEqualTo(file);
    }

    @Test
    void namesThatAreNotOnePlainSegmentAreRefusedWithTheReason() throws Exception {
        assertThat(InboxEntries.problemOf(Files.writeString(inbox.resolve("a\\..\\b.txt"), "x")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("'a\\\\..\\\\b.txt' contains a backslash"));
        assertThat(InboxEntries.problemOf(Files.writeString(inbox.resolve("a\nb.txt"), "x")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("'a\\nb.txt' contains control characters"));
        String tooLong = "x".repeat(InboxEntries.MAX_NAME_BYTES - 3) + ".txt";
        assertThat(InboxEntries.problemOf(Files.writeString(inbox.resolve(tooLong), "x")))
                .hasValueSatisfying(reason -> assertThat(reason).contains(InboxEntries.MAX_NAME_BYTES + 1 + " bytes long"));
        assertThat(InboxEntries.problemOf(Files.writeString(inbox.resolve(tooLong.substring(1)), "x"))).isEmpty();
    }

    @Test
    void theLongestNameLeavesRoomForItsLongestReport() {
        String name = "x".repeat(InboxEntries.MAX_NAME_BYTES);
        assertThat(("." + name + "-9999.throttled.ndjson.error.json.part").length()).isEqualTo(255);
    }

    @Test
    void aSymbolicLinkIsLeftToFileIntakeToRefuse() throws Exception {
        Path link = Files.createSymbolicLink(inbox.resolve("link.txt"), Files.writeString(inbox.resolve("t"), "x"));

        assertThat(InboxEntries.problemOf(link)).isEmpty();
    }

    @Test
    void anEntryByANameThatIsNotOneSegmentIsNeverResolved() {
        InboxEntries entries = new InboxEntries(inbox);

        assertThatThrownBy(() -> entries.entry("../outside.txt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entries.entry("a\\b.txt")).isInstanceOf(IllegalArgumentException.class);
    }
}
