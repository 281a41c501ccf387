package com.expresschat.statussync.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryPoolTest {

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    /** What Camel's parallel splitter does with several inputs at once: pool threads submit to their own pool. */
    @Test
    void poolThreadsThatFillTheQueueRunTheTaskThemselvesInsteadOfWaitingForever() throws Exception {
        ExecutorService pool = DeliveryPool.create(context, 2);
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
            // a deadlocked pool must not outlive the test (the context was never started, so stop() leaves it)
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
