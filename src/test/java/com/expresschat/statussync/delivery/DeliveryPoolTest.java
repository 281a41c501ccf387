package com.expresschat.statussync.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
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

    @Test
    void theSubmittingThreadWaitsForRoomAndNeverRunsABatchItself() throws Exception {
        ExecutorService pool = DeliveryPool.create(context, 2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger submitted = new AtomicInteger();
        Runnable batch = () -> {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            threads.add(Thread.currentThread().getName());
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        };
        Thread splitter = new Thread(() -> {
            for (int i = 0; i < 6; i++) {
                pool.execute(batch);
                submitted.incrementAndGet();
            }
        }, "splitter");
        splitter.start();

        // 2 running and 2 queued: the fifth waits for room
        await().atMost(Duration.ofSeconds(5)).until(() -> submitted.get() == 4 && running.get() == 2);
        Thread.sleep(300);
        assertThat(submitted).hasValue(4);
        assertThat(splitter.getState()).isIn(Thread.State.TIMED_WAITING, Thread.State.WAITING);

        release.countDown();
        splitter.join(5_000);
        assertThat(submitted).hasValue(6);
        await().atMost(Duration.ofSeconds(5)).until(() -> ((ThreadPoolExecutor) pool).getCompletedTaskCount() == 6);
        assertThat(mostRunning).hasValue(2);
        assertThat(threads).noneMatch(name -> name.equals("splitter")).allMatch(name -> name.contains("delivery"));
    }

    @Test
    void aBatchWaitingForRoomIsRefusedOnceThePoolShutsDown() throws Exception {
        ThreadPoolExecutor pool = (ThreadPoolExecutor) DeliveryPool.create(context, 1);
        CountDownLatch release = new CountDownLatch(1);
        Runnable stuck = () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        pool.execute(stuck);
        pool.execute(stuck);
        pool.shutdown();
        try {
            assertThatThrownBy(() -> new DeliveryPool.WaitForRoom().rejectedExecution(stuck, pool))
                    .isInstanceOf(RejectedExecutionException.class)
                    .hasMessageContaining("shut down");
        } finally {
            release.countDown();
        }
    }
}
