package com.expresschat.statussync.outcome;

import static com.expresschat.statussync.outcome.SampleBatches.deadLettered;
import static com.expresschat.statussync.outcome.SampleBatches.delivered;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.Samples;

/** InputReport: the accounting of one input, and its outcome (§5). */
class InputReportTest {

    private final InputReport report = Samples.report("users.txt");

    @Test
    void allBatchesDeliveredIsDelivered() {
        report.batchDone(delivered(1, 100));
        report.batchDone(delivered(2, 20));

        assertThat(report.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(report.delivered()).isEqualTo(120);
        assertThat(report.sent()).isEqualTo(120);
    }

    @Test
    void someBatchesDeadLetteredIsPartial() {
        report.batchDone(delivered(1, 100));
        report.batchDone(deadLettered(2, 20));

        assertThat(report.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(report.delivered()).isEqualTo(100);
        assertThat(report.deadLettered()).isEqualTo(20);
        assertThat(report.sent()).isEqualTo(120);
    }

    @Test
    void everyBatchDeadLetteredIsFailed() {
        report.batchDone(deadLettered(1, 100));
        report.batchDone(deadLettered(2, 20));

        assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void aRejectedInputIsRejectedWhateverElseHappened() {
        report.batchDone(delivered(1, 3));
        report.reject("3 invalid rows");

        assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(report.rejected()).isTrue();
        assertThat(report.rejectionReason()).isEqualTo("3 invalid rows");
    }

    @Test
    void namesTheFirstHundredInvalidRowsAndCountsThemAll() {
        for (int line = 1; line <= 150; line++) {
            report.rowRead();
            report.invalidRow(line, "bad-" + line, "not an ID");
        }
        report.rowRead();

        assertThat(report.invalid()).isEqualTo(150);
        assertThat(report.valid()).isEqualTo(1);
        assertThat(report.invalidRows()).hasSize(InputReport.MAX_LISTED_INVALID_ROWS)
                .startsWith(new InvalidRow(1, "bad-1", "not an ID"))
                .endsWith(new InvalidRow(100, "bad-100", "not an ID"));
    }

    @Test
    void listsBatchesInBatchOrderWhateverOrderTheyEndedIn() {
        report.batchDone(delivered(3, 1));
        report.batchDone(deadLettered(1, 1));
        report.batchDone(delivered(2, 1));

        assertThat(report.batches()).extracting(BatchRecord::number).containsExactly(1, 2, 3);
    }

    @Test
    void countsEveryBatchWhenBatchesEndConcurrently() throws Exception {
        int threads = 4;
        int batchesPerThread = 2_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Void>> deliveries = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * batchesPerThread + 1;
            deliveries.add(() -> {
                start.await();
                for (int number = first; number < first + batchesPerThread; number++) {
                    report.batchDone(number % 2 == 0 ? delivered(number, 3) : deadLettered(number, 2));
                    report.duplicateDropped();
                    report.invalidRow(number, "x", "bad");
                }
                return null;
            });
        }

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> running = deliveries.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Void> done : running) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        int total = threads * batchesPerThread;
        assertThat(report.batches()).extracting(BatchRecord::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, total).boxed().toList());
        assertThat(report.delivered()).isEqualTo(total / 2 * 3L);
        assertThat(report.deadLettered()).isEqualTo(total / 2 * 2L);
        assertThat(report.duplicatesDropped()).isEqualTo(total);
        assertThat(report.invalid()).isEqualTo(total);
        assertThat(report.invalidRows()).hasSize(InputReport.MAX_LISTED_INVALID_ROWS);
    }

    @Test
    void describesItsInput() {
        assertThat(report.inputName()).isEqualTo("users.txt");
        assertThat(report.source()).isEqualTo("file");
        assertThat(report.format()).isEqualTo("PLAIN_LIST");
        assertThat(report.startedAt()).isEqualTo(Samples.STARTED_AT);
    }
}
