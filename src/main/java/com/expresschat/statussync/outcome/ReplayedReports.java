package com.expresschat.statussync.outcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.model.Input;
import com.expresschat.statussync.storage.Folders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Replay hygiene (§5: error/ holds exactly what needs an operator): a dead-letter file moved back into the inbox
 * leaves its {@code .error.json} behind in error/; once the replay is processed, that report is archived beside
 * the replay's receipt in done/. A report is taken only when it is the dead-letter report of a file of that name
 * (its {@code deadLetterFile} says so) and the file itself is no longer in error/.
 */
class ReplayedReports {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayedReports.class);

    private final Folders folders;
    private final ObjectMapper json;

    ReplayedReports(Folders folders, ObjectMapper json) {
        this.folders = folders;
        this.json = json;
    }

    /**
     * Moves the report of a replayed dead-letter file to {@code archive}'s side; returns where it went, or null
     * when the input is no replayed dead-letter file. A report that cannot be moved stays (logged): the replay
     * itself is done, and an orphaned report loses nothing.
     */
    Path archive(Input input, Path archive) {
        Path report = Folders.besides(folders.error().resolve(input.name()), Folders.ERROR_SUFFIX);
        if (!isDeadLetterReportOf(report, input.name()) || Files.exists(folders.error().resolve(input.name()))) {
            return null;
        }
        Path target = Folders.besides(archive, Folders.ERROR_SUFFIX);
        try {
            // a plain move: done/ and error/ may be on different file systems
            Files.move(report, target);
            return target;
        } catch (IOException e) {
            LOG.warn("Could not move {} beside the replayed input in {} ({}); it stays in error/", report,
                    target.getParent(), e.getMessage());
            return null;
        }
    }

    private boolean isDeadLetterReportOf(Path report, String name) {
        if (!Files.isRegularFile(report)) {
            return false;
        }
        try {
            JsonNode read = json.readTree(report.toFile());
            return read != null && name.equals(read.path("deadLetterFile").asText(null));
        } catch (IOException e) {
            return false; // not a report we wrote: leave it to the operator
        }
    }
}
