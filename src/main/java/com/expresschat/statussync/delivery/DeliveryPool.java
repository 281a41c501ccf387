package com.expresschat.statussync.delivery;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.ThreadPoolProfile;

/**
 * The threads that deliver the batches of an input concurrently ({@code statussync.delivery.concurrency}, §3):
 * exactly that many PUTs in flight, retries included, and a queue of as many batches read ahead. When the queue
 * is full the splitting thread waits for room. It used to run the batch itself (CallerRuns): while it sat in that
 * PUT it could not refill the queue, so the pool ran dry and idled, 5 % of its time at concurrency 16 against a
 * 20 ms upstream (docs/benchmarks.md), and one PUT more than the setting was in flight.
 * Made by Camel's executor service manager, so Camel shuts it down with the context.
 */
public final class DeliveryPool {

    private DeliveryPool() {
    }

    public static ExecutorService create(CamelContext context, int concurrency) {
        ThreadPoolProfile profile = new ThreadPoolProfileBuilder("delivery")
                .poolSize(concurrency)
                .maxPoolSize(concurrency)
                .maxQueueSize(concurrency)
                .build();
        ExecutorService pool = context.getExecutorServiceManager().newThreadPool(DeliveryPool.class, "delivery", profile);
        if (!(pool instanceof ThreadPoolExecutor executor)) {
            throw new IllegalStateException("Camel made the delivery pool as a " + pool.getClass().getName()
                                            + ", not a ThreadPoolExecutor");
        }
        executor.setRejectedExecutionHandler(new WaitForRoom());
        return executor;
    }

    /** Puts a batch that finds the queue full into the queue as soon as there is room, unless the pool shuts down. */
    static final class WaitForRoom implements RejectedExecutionHandler {

        @Override
        public void rejectedExecution(Runnable task, ThreadPoolExecutor pool) {
            try {
                while (!pool.getQueue().offer(task, 100, TimeUnit.MILLISECONDS)) {
                    if (pool.isShutdown()) {
                        throw new RejectedExecutionException("the delivery pool is shut down");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RejectedExecutionException("interrupted while waiting for room in the delivery pool", e);
            }
        }
    }
}
