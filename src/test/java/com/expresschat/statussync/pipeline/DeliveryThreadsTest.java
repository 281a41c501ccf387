package com.expresschat.statussync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.camel.spi.ThreadPoolProfile;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.Outcome;
import com.expresschat.statussync.model.Receipt;
import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.StatusSyncTestSupport;

/**
 * The delivery threads: Camel's thread pool profile "delivery" from config/application.properties, as process-input's
 * split gets it.
 */
class DeliveryThreadsTest extends StatusSyncTestSupport {

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.delivery.concurrency", "2");
    }

    @Test
    void theProfileHasOneThreadAndOneQueuedBatchPerBatchInFlight() {
        ThreadPoolProfile profile = context.getExecutorServiceManager().getThreadPoolProfile("delivery");

        assertThat(profile.getPoolSize()).isEqualTo(2);
        assertThat(profile.getMaxPoolSize()).isEqualTo(2);
        assertThat(profile.getMaxQueueSize()).isEqualTo(2);
        assertThat(profile.getRejectedPolicy()).isEqualTo(ThreadPoolRejectedPolicy.CallerRuns);
    }

    /** Two threads, and the split's own thread when the queue is full: never the default profile's ten. */
    @Test
    void anInputIsDeliveredWithAtMostConcurrencyPlusOneBatchesInFlight() throws Exception {
        expressChat.stubFor(ExpressChatStub.statusUpdate().willReturn(okJson("{}").withFixedDelay(400)));

        Receipt receipt = process("ten-batches.txt", ids(1000, 1));

        assertThat(receipt.outcome()).isEqualTo(Outcome.DELIVERED);
        List<Long> starts = expressChat.requests().stream().map(r -> r.getLoggedDate().getTime()).sorted().toList();
        assertThat(starts).hasSize(10);
        // a batch starts only when one of the three before it ended, 400 ms after it started (300: clock slack)
        for (int i = 3; i < starts.size(); i++) {
            assertThat(starts.get(i) - starts.get(i - 3)).as("batch %d starts after one of the 3 before it ended", i + 1)
                    .isGreaterThanOrEqualTo(300);
        }
    }

    /** What Camel's parallel splitter does with several inputs at once: pool threads submit to their own pool. */
    @Test
    void poolThreadsThatFillTheQueueRunTheTaskThemselvesInsteadOfWaitingForever() throws Exception {
        ExecutorService pool = context.getExecutorServiceManager().newThreadPool(this, "delivery-test", "delivery");
        int iterations = 4;
        int batchesEach = 20;
        // every batch holds its thread (like a PUT in flight) until the test lets them all go
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(iterations * batchesEach);
        AtomicInteger ranOnTheSubmittingThread = new AtomicInteger();
        Runnable iteration = () -> {
            Thread iterating = Thread.currentThread();
            for (int b = 0; b < batchesEach; b++) {
                pool.execute(() -> {
                    if (Thread.currentThread() == iterating) {
                        ranOnTheSubmittingThread.incrementAndGet();
                    }
                    hold(release);
                    done.countDown();
                });
            }
        };
        // submitted from a thread of its own, like a consumer's: the test thread must stay free to release them
        Thread intake = new Thread(() -> {
            for (int i = 0; i < iterations; i++) {
                pool.execute(iteration);
            }
        }, "intake");
        intake.start();

        try {
            // both threads iterate and the queue is full: a thread that waited for room would never get here
            await().atMost(Duration.ofSeconds(10)).until(() -> ranOnTheSubmittingThread.get() > 0);
            release.countDown();
            assertThat(done.await(20, TimeUnit.SECONDS)).as("every batch delivered, no deadlock").isTrue();
        } finally {
            // a deadlocked pool must not outlive the test
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
