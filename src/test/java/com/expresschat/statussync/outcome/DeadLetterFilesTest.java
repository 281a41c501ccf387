package com.expresschat.statussync.outcome;

import static com.expresschat.statussync.support.Samples.DELETED;
import static com.expresschat.statussync.support.Samples.batch;
import static com.expresschat.statussync.support.Samples.subscriberId;
import static com.expresschat.statussync.support.Samples.userId;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.failure.DeliveryFailure;
import com.expresschat.statussync.intake.InputFormat;
import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.model.FailureClass;
import com.expresschat.statussync.model.InputRejectedException;
import com.expresschat.statussync.model.Row;
import com.expresschat.statussync.model.RowReader;
import com.expresschat.statussync.storage.Folders;
import com.expresschat.statussync.support.Samples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** DeadLetterFiles (§5): the IDs of one input that were not delivered, replayable, with why beside them. */
class DeadLetterFilesTest {

    private static final Instant FIRST_AT = Instant.parse("2025-03-01T09:00:05Z");
    private static final Instant LAST_AT = Instant.parse("2025-03-01T09:00:09Z");
    private static final DeliveryFailure DOWN =
            new DeliveryFailure(FailureClass.TRANSIENT, 503, "{\"error\":\"down\"}", null, null, true);
    private static final DeliveryFailure REFUSED =
            new DeliveryFailure(FailureClass.REJECTED, 400, "{\"error\":\"bad\"}", null, null, true);
    private static final DeliveryFailure NO_ANSWER =
            new DeliveryFailure(FailureClass.TRANSIENT, null, null, "java.net.ConnectException: refused", null, true);

    @TempDir
    Path data;

    private final ObjectMapper json = new ObjectMapper();
    private Folders folders;

    @BeforeEach
    void folders() throws IOException {
        folders = new Folders(data.resolve("inbox"), data.resolve("done"), data.resolve("error"));
        folders.prepare();
    }

    @Test
    void writesOneFilePerFailureClassWithTheRowsOfAllItsBatches() throws Exception {
        DeadLetterFiles deadLetters = deadLettersOf("users.txt");
        add(deadLetters, batchOfUsers(1, 1, 2), DOWN, 6, FIRST_AT);
        add(deadLetters, batchOfUsers(2, 3), REFUSED, 1, FIRST_AT);
        add(deadLetters, batchOfUsers(3, 4, 5), NO_ANSWER, 6, LAST_AT);

        List<Path> published = deadLetters.publish();

        assertThat(published).containsExactlyInAnyOrder(
                folders.error().resolve("users.txt.transient.ndjson"),
                folders.error().resolve("users.txt.rejected.ndjson"));
        assertThat(replay(folders.error().resolve("users.txt.transient.ndjson"))).extracting(Row::id)
                .containsExactly(userId(1), userId(2), userId(4), userId(5));
        assertThat(replay(folders.error().resolve("users.txt.transient.ndjson"))).extracting(Row::status)
                .containsOnly(DELETED);
        assertThat(replay(folders.error().resolve("users.txt.rejected.ndjson"))).extracting(Row::id)
                .containsExactly(userId(3));
    }

    @Test
    void replayingADeadLetterFileSendsExactlyItsRowsWithTheirStatus() throws Exception {
        Batch active = new Batch("users.txt", 1, "ACTIVE", List.of(
                Row.of(1, userId(1), subscriberId(1), null),
                Row.of(2, userId(2), null, "ACTIVE")), "request-1");
        DeadLetterFiles deadLetters = deadLettersOf("users.txt");
        add(deadLetters, active, REFUSED, 1, FIRST_AT);

        Path file = deadLetters.publish().get(0);

        assertThat(Files.readAllLines(file)).containsExactly(
                "{\"id\":\"" + userId(1) + "\",\"subscriberId\":\"" + subscriberId(1) + "\",\"status\":\"ACTIVE\"}",
                "{\"id\":\"" + userId(2) + "\",\"status\":\"ACTIVE\"}");
        assertThat(InputFormat.fromFileName(file.getFileName().toString())).contains(InputFormat.NDJSON);
        assertThat(replay(file)).containsExactly(
                Row.of(1, userId(1), subscriberId(1), "ACTIVE"),
                Row.of(2, userId(2), null, "ACTIVE"));
    }

    @Test
    void explainsBesideTheFileWhyItsIdsWereNotDelivered() throws IOException {
        DeadLetterFiles deadLetters = deadLettersOf("users.txt");
        add(deadLetters, batchOfUsers(1, 1, 2), DOWN, 6, FIRST_AT);
        add(deadLetters, batchOfUsers(2, 3), NO_ANSWER, 4, LAST_AT);

        deadLetters.publish();

        JsonNode why = json.readTree(folders.error().resolve("users.txt.transient.ndjson.error.json").toFile());
        assertThat(why.path("input").asText()).isEqualTo("users.txt");
        assertThat(why.path("deadLetterFile").asText()).isEqualTo("users.txt.transient.ndjson");
        assertThat(why.path("failureClass").asText()).isEqualTo("TRANSIENT");
        assertThat(why.path("httpStatus").asInt()).isEqualTo(503);
        assertThat(why.path("response").asText()).isEqualTo("{\"error\":\"down\"}");
        assertThat(why.path("attempts").asInt()).isEqualTo(6);
        assertThat(why.path("batches").asInt()).isEqualTo(2);
        assertThat(why.path("ids").asLong()).isEqualTo(3);
        assertThat(why.path("requestIds")).extracting(JsonNode::asText).containsExactly("request-1", "request-2");
        assertThat(why.path("firstFailureAt").asText()).isEqualTo(FIRST_AT.toString());
        assertThat(why.path("lastFailureAt").asText()).isEqualTo(LAST_AT.toString());
        assertThat(why.path("replay").asText()).contains("users.txt.transient.ndjson");
    }

    @Test
    void nothingLooksCompleteBeforeTheInputIsFinished() throws IOException {
        DeadLetterFiles deadLetters = deadLettersOf("users.txt");
        add(deadLetters, batchOfUsers(1, 1), DOWN, 6, FIRST_AT);

        assertThat(namesIn(folders.error())).containsExactly(".users.txt.transient.ndjson.part");
    }

    @Test
    void neverOverwritesAnEarlierDeadLetterFile() throws IOException {
        Files.writeString(folders.error().resolve("users.txt.transient.ndjson"), "an earlier input's dead letters\n");
        DeadLetterFiles first = deadLettersOf("users.txt");
        DeadLetterFiles second = deadLettersOf("users.txt");
        add(first, batchOfUsers(1, 1), DOWN, 6, FIRST_AT);
        add(second, batchOfUsers(1, 2), DOWN, 6, FIRST_AT);

        List<Path> published = new ArrayList<>(first.publish());
        published.addAll(second.publish());

        assertThat(published).containsExactly(
                folders.error().resolve("users.txt.transient-2.ndjson"),
                folders.error().resolve("users.txt.transient-3.ndjson"));
        assertThat(folders.error().resolve("users.txt.transient.ndjson")).hasContent("an earlier input's dead letters");
    }

    @Test
    void aRerunOfTheSameClaimReplacesItsFilesAndAnotherClaimsAreKept() throws Exception {
        DeadLetterFiles earlierRun = new DeadLetterFiles(folders, "users.txt", json, "claim-a");
        add(earlierRun, batchOfUsers(1, 1, 2), DOWN, 6, FIRST_AT);
        assertThat(earlierRun.publish()).containsExactly(folders.error().resolve("users.txt.transient.ndjson"));

        // the same claimed input again (a crash before it was archived): the same file, replaced
        DeadLetterFiles rerun = new DeadLetterFiles(folders, "users.txt", json, "claim-a");
        add(rerun, batchOfUsers(1, 1, 2), DOWN, 6, FIRST_AT);
        assertThat(rerun.publish()).containsExactly(folders.error().resolve("users.txt.transient.ndjson"));
        assertThat(replay(folders.error().resolve("users.txt.transient.ndjson"))).extracting(Row::id)
                .containsExactly(userId(1), userId(2));

        // another input of the same name (another claim): beside it, never over it
        DeadLetterFiles other = new DeadLetterFiles(folders, "users.txt", json, "claim-b");
        add(other, batchOfUsers(1, 3), DOWN, 6, FIRST_AT);
        assertThat(other.publish()).containsExactly(folders.error().resolve("users.txt.transient-2.ndjson"));
        assertThat(namesIn(folders.error())).containsExactlyInAnyOrder("users.txt.transient.ndjson",
                "users.txt.transient.ndjson.error.json", "users.txt.transient-2.ndjson",
                "users.txt.transient-2.ndjson.error.json");
        assertThat(json.readTree(folders.error().resolve("users.txt.transient-2.ndjson.error.json").toFile())
                .path("claim").asText()).isEqualTo("claim-b");
    }

    @Test
    void namesTheFileTheSameWayInEveryLocale() throws IOException {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR")); // where "TRANSIENT".toLowerCase() is "transıent"
        try {
            DeadLetterFiles deadLetters = deadLettersOf("users.txt");
            add(deadLetters, batchOfUsers(1, 1), DOWN, 6, FIRST_AT);

            assertThat(deadLetters.publish()).containsExactly(folders.error().resolve("users.txt.transient.ndjson"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void abandoningDropsThePartFiles() throws IOException {
        DeadLetterFiles deadLetters = deadLettersOf("users.txt");
        add(deadLetters, batchOfUsers(1, 1), DOWN, 6, FIRST_AT);
        add(deadLetters, batchOfUsers(2, 2), REFUSED, 1, FIRST_AT);

        deadLetters.abandon();

        assertThat(namesIn(folders.error())).isEmpty();
        assertThat(deadLetters.publish()).isEmpty();
    }

    @Test
    void publishingAgainOrAbandoningAfterwardsChangesNothing() throws IOException {
        DeadLetterFiles deadLetters = deadLettersOf("users.txt");
        add(deadLetters, batchOfUsers(1, 1), DOWN, 6, FIRST_AT);
        deadLetters.publish();

        assertThat(deadLetters.publish()).isEmpty();
        deadLetters.abandon();

        assertThat(namesIn(folders.error())).containsExactlyInAnyOrder(
                "users.txt.transient.ndjson", "users.txt.transient.ndjson.error.json");
    }

    @Test
    void anIsolatedBatchDeadLettersOnlyItsDeadLetteredPartsAndItsReportListsEachRefusedIdWithItsAnswer()
            throws Exception {
        DeadLetterFiles deadLetters = deadLettersOf("users.txt");
        deadLetters.add(Samples.isolated(1));

        deadLetters.publish();

        Path rejected = folders.error().resolve("users.txt.rejected.ndjson");
        assertThat(replay(rejected)).extracting(Row::id).containsExactly(userId(3));
        assertThat(replay(folders.error().resolve("users.txt.transient.ndjson"))).extracting(Row::id)
                .containsExactly(userId(4));
        JsonNode report = json.readTree(Files.readString(Path.of(rejected + ".error.json")));
        assertThat(report.path("refusedAlone").asInt()).isEqualTo(1);
        assertThat(report.path("refused")).singleElement().satisfies(id -> {
            assertThat(id.path("id").asText()).isEqualTo(userId(3));
            assertThat(id.path("requestId").asText()).isEqualTo("request-1.2.1");
            assertThat(id.path("httpStatus").asInt()).isEqualTo(400);
            assertThat(id.path("response").asText()).isEqualTo("unknown user 3");
        });
        assertThat(report.has("notIsolated")).isFalse();
        JsonNode transientReport = json.readTree(Files.readString(
                folders.error().resolve("users.txt.transient.ndjson.error.json")));
        assertThat(transientReport.path("notIsolated").asInt()).isEqualTo(1);
        assertThat(transientReport.has("refused")).isFalse();
    }

    @Test
    void anInputWithoutDeadLettersWritesNothing() throws IOException {
        assertThat(deadLettersOf("users.txt").publish()).isEmpty();
        assertThat(namesIn(folders.error())).isEmpty();
    }

    private DeadLetterFiles deadLettersOf(String inputName) {
        return new DeadLetterFiles(folders, inputName, json);
    }

    private static Batch batchOfUsers(int number, int... users) {
        List<Row> rows = new ArrayList<>();
        for (int user : users) {
            rows.add(Row.of(user, userId(user), null, null));
        }
        return batch(number, rows);
    }

    /** The rows the file would give if it were moved back into the inbox. */
    private static List<Row> replay(Path file) throws IOException, InputRejectedException {
        List<Row> rows = new ArrayList<>();
        try (RowReader reader = InputFormat.NDJSON.open(Files.newInputStream(file))) {
            for (Row row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }

    /** Adds a dead-lettered batch, as its outcome arrives from delivery. */
    private static void add(DeadLetterFiles files, Batch batch, DeliveryFailure failure, int attempts, Instant at)
            throws IOException {
        files.add(BatchOutcome.deadLettered(batch, attempts, failure.failureClass(), failure.httpStatus(),
                failure.responseBody(), failure.exception(), at));
    }
}
