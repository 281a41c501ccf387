package com.expresschat.statussync.transport;

import static com.expresschat.statussync.support.Samples.deadLettered;
import static com.expresschat.statussync.support.Samples.delivered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.model.InvalidRow;
import com.expresschat.statussync.model.Receipt;
import com.expresschat.statussync.model.Tally;
import com.expresschat.statussync.outcome.InputCompletion;
import com.expresschat.statussync.outcome.InputLedgers;
import com.expresschat.statussync.storage.Folders;
import com.expresschat.statussync.support.Samples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * OutcomeCollector and CollectorJournals: an input's receipt is written once its closing record and one outcome per batch
 * are in, whatever their order, a batch delivered twice counts once, a late duplicate after completion is dropped, and
 * a collector that takes an input over (a new process, the same journal) goes on from the journal. Every event goes
 * through Jackson as it does on the topic.
 */
class OutcomeCollectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Folders folders;
    private final List<Receipt> finished = new ArrayList<>();
    private final String inputId = UUID.randomUUID().toString();

    @BeforeEach
    void folders() throws Exception {
        folders = new Folders(dir.resolve("inbox"), dir.resolve("done"), dir.resolve("error"));
        folders.prepare();
    }

    private OutcomeCollector collector() throws Exception {
        CollectorJournals journal = new CollectorJournals(dir.resolve("journal"), JSON);
        journal.prepare(Duration.ofDays(7), Clock.systemUTC());
        return new OutcomeCollector(journal,
                new InputLedgers(folders, JSON, Clock.systemUTC(), Integer.MAX_VALUE, Duration.ofDays(1)),
                new InputCompletion(folders, JSON, Clock.systemUTC(), finished::add), folders,
                new TransportMetrics(new SimpleMeterRegistry()));
    }

    private InputEvent closing(int batches) {
        return InputEvent.closing(inputId, new InputClosed("users.txt", "file", "PLAIN_LIST", "users-2.txt",
                Samples.STARTED_AT.toString(), batches,
                new Tally.IntakeCounts(9, 1, 1, List.of(new InvalidRow(4, "nope", "not an ID")))));
    }

    private InputEvent outcome(BatchOutcome outcome, String instance) {
        return InputEvent.of(inputId, outcome.deliveredBy(instance));
    }

    /** As the collector route gets it: JSON from the topic. */
    private static InputEvent onTheTopic(InputEvent event) throws Exception {
        return JSON.readValue(JSON.writeValueAsBytes(event), InputEvent.class);
    }

    @Test
    void completesOnceEveryBatchHasAnOutcomeInAnyOrderCountingABatchDeliveredTwiceOnce() throws Exception {
        OutcomeCollector collector = collector();
        collector.collect(onTheTopic(outcome(delivered(2, 3), "B")));
        collector.collect(onTheTopic(closing(3)));
        collector.collect(onTheTopic(outcome(delivered(2, 3), "A"))); // B died before its commit: delivered again
        assertThat(finished).isEmpty();
        collector.collect(onTheTopic(outcome(deadLettered(3, 2), "A")));
        assertThat(finished).isEmpty();
        collector.collect(onTheTopic(outcome(delivered(1, 3), "A")));

        assertThat(finished).hasSize(1);
        JsonNode receipt = JSON.readTree(dir.resolve("done/users-2.txt.receipt.json").toFile());
        assertThat(receipt.path("outcome").asText()).isEqualTo("PARTIAL");
        assertThat(receipt.path("counts").path("rows").asInt()).isEqualTo(9);
        assertThat(receipt.path("counts").path("invalid").asInt()).isEqualTo(1);
        assertThat(receipt.path("counts").path("duplicatesDropped").asInt()).isEqualTo(1);
        assertThat(receipt.path("counts").path("delivered").asInt()).isEqualTo(6);
        assertThat(receipt.path("counts").path("deadLettered").asInt()).isEqualTo(2);
        assertThat(receipt.path("counts").path("batches").asInt()).isEqualTo(3);
        assertThat(receipt.path("startedAt").asText()).isEqualTo(Samples.STARTED_AT.toString());
        assertThat(receipt.path("invalidRows").get(0).path("value").asText()).isEqualTo("nope");
        assertThat(receipt.path("batches")).extracting(b -> b.path("deliveredBy").asText())
                .containsExactly("A", "B", "A"); // batch 2: the first outcome journalled
        assertThat(receipt.path("deadLetterFiles")).hasSize(1);
        assertThat(Files.readAllLines(Path.of(receipt.path("deadLetterFiles").get(0).asText()))).hasSize(2);
        assertThat(dir.resolve("journal/" + inputId + CollectorJournals.EXTENSION)).doesNotExist();
        assertThat(dir.resolve("journal/" + inputId + CollectorJournals.COMPLETED)).exists();

        // a late duplicate (a worker that delivered batch 1 again) changes nothing
        collector.collect(onTheTopic(outcome(delivered(1, 3), "B")));
        assertThat(finished).hasSize(1);
        assertThat(dir.resolve("journal/" + inputId + CollectorJournals.EXTENSION)).doesNotExist();
    }

    @Test
    void anotherCollectorGoesOnFromTheJournalPastALineCutShortByACrash() throws Exception {
        collector().collect(onTheTopic(closing(2)));
        collector().collect(onTheTopic(outcome(delivered(1, 3), "A")));
        Files.writeString(dir.resolve("journal/" + inputId + CollectorJournals.EXTENSION), "{\"inputId\":\"" + inputId,
                StandardOpenOption.APPEND); // the process died in the middle of a line; its record was not committed
        OutcomeCollector takenOver = collector();
        takenOver.collect(onTheTopic(outcome(delivered(2, 3), "B")));
        assertThat(finished).hasSize(1);
        assertThat(finished.get(0).counts().delivered()).isEqualTo(6);
    }

    @Test
    void aPollsEventsAreWrittenOutAtOnceAndTheirJournalsForcedAndClosedWithThePoll() throws Exception {
        OutcomeCollector collector = collector();
        collector.collect(onTheTopic(closing(3)));
        collector.collect(onTheTopic(outcome(delivered(1, 3), "A")));
        Path journal = dir.resolve("journal/" + inputId + CollectorJournals.EXTENSION);

        // a collector taking the partition over before this one forced (its process died) reads both
        assertThat(Files.readAllLines(journal)).hasSize(2);
        assertThat(openFiles()).as("open until the poll's force").contains(journal.toRealPath());

        collector.force();
        assertThat(openFiles()).as("closed by the poll's force").doesNotContain(journal.toRealPath());

        // the next poll appends to the same journal
        collector.collect(onTheTopic(outcome(delivered(2, 3), "A")));
        collector.force();
        assertThat(Files.readAllLines(journal)).hasSize(3);
        assertThat(openFiles()).doesNotContain(journal.toRealPath());
    }

    /** The files this process has open (Linux). */
    private static List<Path> openFiles() throws Exception {
        List<Path> open = new ArrayList<>();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    open.add(Files.readSymbolicLink(fd));
                } catch (java.io.IOException gone) {
                    // the listing's own descriptor
                }
            }
        }
        return open;
    }

    @Test
    void aCompleteReceiptOfAnEarlierCollectorIsNotWrittenTwice() throws Exception {
        OutcomeCollector collector = collector();
        collector.collect(onTheTopic(closing(1)));
        Files.writeString(dir.resolve("done/users-2.txt.receipt.json"), "{}"); // written before a crash
        collector.collect(onTheTopic(outcome(delivered(1, 3), "A")));
        assertThat(finished).isEmpty();
        assertThat(dir.resolve("journal/" + inputId + CollectorJournals.COMPLETED)).exists();
    }

    @Test
    void aRecordThatIsNotAnInputEventIsRefusedByName() {
        assertThatThrownBy(() -> JSON.readValue("{\"inputId\":\"../../etc/passwd\",\"closed\":{}}", InputEvent.class))
                .hasMessageContaining("inputId must be a UUID");
        assertThatThrownBy(() -> JSON.readValue("{\"inputId\":\"" + inputId + "\"}", InputEvent.class))
                .hasMessageContaining("must carry an outcome or a closing record");
    }
}
