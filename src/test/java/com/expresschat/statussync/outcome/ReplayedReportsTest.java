package com.expresschat.statussync.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.storage.Folders;
import com.expresschat.statussync.support.Samples;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Replay hygiene (§5): the report of a replayed dead-letter file leaves error/ with it, and nothing else does. */
class ReplayedReportsTest {

    private static final String DEAD_LETTER = "users.txt.rejected.ndjson";

    @TempDir
    Path data;

    private Folders folders;
    private ReplayedReports reports;

    @BeforeEach
    void folders() throws IOException {
        folders = new Folders(data.resolve("inbox"), data.resolve("done"), data.resolve("error"));
        folders.prepare();
        reports = new ReplayedReports(folders, new ObjectMapper());
    }

    @Test
    void theReportOfAReplayedDeadLetterFileIsArchivedBesideTheReplay() throws IOException {
        Path report = write(DEAD_LETTER + ".error.json", "{\"deadLetterFile\":\"" + DEAD_LETTER + "\"}");
        Path archive = folders.done().resolve("users.txt.rejected-2.ndjson");

        Path moved = reports.archive(Samples.fileInput(DEAD_LETTER), archive);

        assertThat(moved).isEqualTo(folders.done().resolve("users.txt.rejected-2.ndjson.error.json"));
        assertThat(report).doesNotExist();
        assertThat(Files.readString(moved)).contains(DEAD_LETTER);
    }

    @Test
    void aReportWhoseFileIsStillInErrorOrThatIsNoDeadLetterReportStays() throws IOException {
        Path report = write(DEAD_LETTER + ".error.json", "{\"deadLetterFile\":\"" + DEAD_LETTER + "\"}");
        write(DEAD_LETTER, "{\"id\":\"640f472d173951357f08edee\"}\n");
        Path rejection = write("bad.txt.error.json", "{\"input\":\"bad.txt\",\"reason\":\"2 invalid rows\"}");
        Path unreadable = write("odd.txt.error.json", "not json");

        assertThat(reports.archive(Samples.fileInput(DEAD_LETTER), folders.done().resolve(DEAD_LETTER))).isNull();
        assertThat(reports.archive(Samples.fileInput("bad.txt"), folders.done().resolve("bad.txt"))).isNull();
        assertThat(reports.archive(Samples.fileInput("odd.txt"), folders.done().resolve("odd.txt"))).isNull();
        assertThat(reports.archive(Samples.fileInput("other.txt"), folders.done().resolve("other.txt"))).isNull();

        assertThat(report).exists();
        assertThat(rejection).exists();
        assertThat(unreadable).exists();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folders.error().resolve(name), content);
    }
}
