package com.expresschat.statussync.delivery;

import static org.assertj.core.api.Assertions.assertThat;

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
        CountDownLatch done = new CountDownLatch(iterations * batchesEach);
        AtomicInteger ranOnTheSubmittingThread = new AtomicInteger();
        for (int i = 0; i < iterations; i++) {
            pool.execute(() -> {
                Thread iterating = Thread.currentThread();
                for (int b = 0; b < batchesEach; b++) {
                    pool.execute(() -> {
                        if (Thread.currentThread() == iterating) {
                            ranOnTheSubmittingThread.incrementAndGet();
                        }
                        sleep(5);
                        done.countDown();
                    });
                }
            });
        }

        assertThat(done.await(20, TimeUnit.SECONDS)).as("every batch delivered, no deadlock").isTrue();
        assertThat(ranOnTheSubmittingThread).as("a full queue made an iterating thread run a batch").hasPositiveValue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
