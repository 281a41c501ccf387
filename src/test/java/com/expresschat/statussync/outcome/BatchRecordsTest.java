package com.expresschat.statussync.outcome;

import static com.expresschat.statussync.outcome.SampleBatches.deadLettered;
import static com.expresschat.statussync.outcome.SampleBatches.delivered;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.model.BatchRecord;
import com.expresschat.statussync.model.StatusUpdate;
import com.expresschat.statussync.storage.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;

/** BatchRecords: every batch of an input for its receipt, in batch order, without holding them all in memory. */
class BatchRecordsTest {

    @TempDir
    Path done;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void recordsFinishedInAnyOrderAreListedInBatchOrderAcrossRunsOnDisk() throws IOException {
        BatchRecords records = new BatchRecords(done, json, 10);
        List<Integer> numbers = new ArrayList<>(IntStream.rangeClosed(1, 95).boxed().toList());
        Collections.shuffle(numbers, new Random(7));
        numbers.forEach(n -> records.add(n % 13 == 0 ? deadLettered(n, 100) : delivered(n, 100)));

        assertThat(partFiles()).hasSize(9);
        assertThat(records.size()).isEqualTo(95);
        assertThat(records).extracting(BatchRecord::number).containsExactlyElementsOf(IntStream.rangeClosed(1, 95).boxed().toList());
        // read twice (receipt, then metrics): the same records
        assertThat(records).extracting(BatchRecord::number).hasSize(95);
        assertThat(records).filteredOn(r -> r.number() == 26).singleElement().isEqualTo(deadLettered(26, 100));
        assertThat(records).filteredOn(r -> r.number() == 27).singleElement().isEqualTo(delivered(27, 100));
    }

    @Test
    void aDryRunRecordKeepsTheRequestItWouldHaveSent() throws IOException {
        BatchRecords records = new BatchRecords(done, json, 1);
        BatchRecord dryRun = new BatchRecord(1, "request-1", "DELETED", 2, 0, BatchRecord.DRY_RUN, null, null,
                new StatusUpdate(List.of("a", "b"), "DELETED", List.of("s")), null);
        records.add(dryRun);

        assertThat(partFiles()).hasSize(1);
        assertThat(records).containsExactly(dryRun);
    }

    @Test
    void discardRemovesThePartFiles() throws IOException {
        BatchRecords records = new BatchRecords(done, json, 2);
        IntStream.rangeClosed(1, 5).forEach(n -> records.add(delivered(n, 1)));
        assertThat(partFiles()).hasSize(2);

        records.discard();

        assertThat(partFiles()).isEmpty();
    }

    @Test
    void withoutASpillFolderEverythingStaysInMemory() throws IOException {
        BatchRecords records = new BatchRecords();
        IntStream.rangeClosed(1, 20_000).map(n -> 20_001 - n).forEach(n -> records.add(delivered(n, 1)));

        assertThat(partFiles()).isEmpty();
        assertThat(records).extracting(BatchRecord::number).startsWith(1, 2, 3).endsWith(20_000).hasSize(20_000);
    }

    @Test
    void aFolderThatCannotTakeTheRunKeepsTheRecordsInMemory() throws IOException {
        Path notAFolder = Files.writeString(done.resolve("plain-file"), "x");
        BatchRecords records = new BatchRecords(notAFolder, json, 2);
        IntStream.rangeClosed(1, 5).forEach(n -> records.add(delivered(n, 1)));

        assertThat(partFiles()).isEmpty();
        assertThat(records).extracting(BatchRecord::number).containsExactly(1, 2, 3, 4, 5);
    }

    private List<Path> partFiles() throws IOException {
        try (Stream<Path> files = Files.list(done)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".batches-")
                                     && f.getFileName().toString().endsWith(AtomicFiles.PART_SUFFIX)).toList();
        }
    }
}
