package com.expresschat.statussync.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Forces one file's writes to disk (fsync) on an executor's thread, so that the thread that wrote them goes on: a
 * journal is written by the split's aggregation, which holds the lock every batch's completion waits for, and an
 * fsync there held up every delivery thread (docs/benchmarks.md, "S4"). What was written is already with the
 * operating system, so a killed process loses nothing of it; the force is for a crash of the machine.
 * <p>
 * A request made while a force runs is folded into one more force after it. A force that fails is thrown, naming the
 * file, by every later {@link #request}, {@link #now} and {@link #await}. With no executor, or one that no longer takes work (the
 * application stops), the force runs on the caller's thread.
 */
public final class BackgroundForce {

    private final Path file;
    private final Executor executor;
    private FileChannel channel;
    private boolean running;
    private boolean again;
    private IOException failure;

    /** {@code executor}: where forces run; {@code null} forces on the caller's thread. */
    public BackgroundForce(Path file, Executor executor) {
        this.file = file;
        this.executor = executor;
    }

    /** Forces what was written to {@code channel} so far, now or soon; throws a failure of an earlier force. */
    public void request(FileChannel channel) throws IOException {
        synchronized (this) {
            throwFailure();
            this.channel = channel;
            if (running) {
                again = true;
                return;
            }
            running = executor != null;
        }
        if (executor == null) {
            forceNow(channel);
            return;
        }
        try {
            executor.execute(this::forceUntilIdle);
        } catch (RejectedExecutionException stopping) {
            synchronized (this) {
                running = false;
                notifyAll();
            }
            forceNow(channel);
        }
    }

    /** Forces what was written to {@code channel} on the caller's thread, once a force under way has ended. */
    public void now(FileChannel channel) throws IOException {
        await();
        forceNow(channel);
    }

    /** Waits for the force under way (if any); throws its failure. The channel may then be closed. */
    public synchronized void await() throws IOException {
        while (running) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while " + file + " was forced to disk");
            }
        }
        throwFailure();
    }

    private void forceUntilIdle() {
        while (true) {
            FileChannel forced;
            synchronized (this) {
                forced = channel;
                again = false;
            }
            try {
                forceNow(forced);
            } catch (IOException e) {
                synchronized (this) {
                    failure = e;
                }
            }
            synchronized (this) {
                if (!again || failure != null) {
                    running = false;
                    notifyAll();
                    return;
                }
            }
        }
    }

    private void forceNow(FileChannel forced) throws IOException {
        try {
            // the data only: the file's length is metadata a replay does not need exact (a cut line is dropped)
            forced.force(false);
        } catch (IOException e) {
            throw AtomicFiles.naming(file, e);
        }
    }

    private void throwFailure() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }
}
