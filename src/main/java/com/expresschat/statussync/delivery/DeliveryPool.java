package com.expresschat.statussync.delivery;

import java.util.concurrent.ExecutorService;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The threads that deliver the batches of an input concurrently ({@code statussync.delivery.concurrency}, §3),
 * with a queue of as many batches read ahead. Made by Camel's executor service manager, so Camel shuts it down
 * with the context.
 * <p>
 * A full queue makes the submitting thread run the task itself (CallerRuns). It must not wait for room instead:
 * Camel's parallel splitter runs its own iteration as tasks on this pool, so with several inputs at once
 * (concurrent REST requests) every pool thread could sit in an iteration waiting for room that only those threads
 * could make. RestConcurrencyTest deadlocked that way when this was tried.
 * <p>
 * A graceful stop that times out (camel.main.shutdown-timeout) interrupts batches still waiting for a retry after
 * {@link #STOP_WAIT_MILLIS}, not after the executor service manager's default 10 s per pool: their inputs stay in the
 * inbox and are sent again after the restart, and the stop honours its timeout (ShutdownIT).
 */
public final class DeliveryPool {

    static final long STOP_WAIT_MILLIS = 1000;

    private DeliveryPool() {
    }

    public static ExecutorService create(CamelContext context, int concurrency) {
        context.getExecutorServiceManager().setShutdownAwaitTermination(STOP_WAIT_MILLIS);
        ThreadPoolProfile profile = new ThreadPoolProfileBuilder("delivery")
                .poolSize(concurrency)
                .maxPoolSize(concurrency)
                .maxQueueSize(concurrency)
                .rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns)
                .build();
        return context.getExecutorServiceManager().newThreadPool(DeliveryPool.class, "delivery", profile);
    }
}
