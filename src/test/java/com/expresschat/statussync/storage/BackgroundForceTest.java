package com.expresschat.statussync.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundForceTest {

    @TempDir
    Path dir;

    /** Holds the tasks it is given until the test runs them: a force "under way" for as long as the test likes. */
    private static final class HeldExecutor implements Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }
    }

    @Test
    void requestsWhileAForceIsUnderWayFoldIntoItAndTheCallerNeverWaits() throws Exception {
        Path file = dir.resolve("journal");
        HeldExecutor executor = new HeldExecutor();
        BackgroundForce force = new BackgroundForce(file, executor);
        try (FileChannel channel = open(file)) {
            force.request(channel);
            force.request(channel);
            force.request(channel);
            assertThat(executor.tasks).as("one force task for three requests").hasSize(1);
            executor.tasks.get(0).run();
            force.await();
            force.request(channel);
            assertThat(executor.tasks).as("a request after the force ended starts another").hasSize(2);
            executor.tasks.get(1).run();
            force.now(channel);
        }
    }

    @Test
    void aForceThatFailsIsThrownNamingTheFileByEveryLaterCall() throws Exception {
        Path file = dir.resolve("journal");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            BackgroundForce force = new BackgroundForce(file, executor);
            FileChannel channel = open(file);
            channel.close();
            force.request(channel);
            assertThatThrownBy(force::await).isInstanceOf(FileSystemException.class).hasMessageContaining(file.toString());
            assertThatThrownBy(() -> force.request(channel)).hasMessageContaining(file.toString());
            assertThatThrownBy(() -> force.now(channel)).hasMessageContaining(file.toString());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void withNoExecutorOrOneThatIsStoppingTheForceRunsOnTheCallersThread() throws Exception {
        Path file = dir.resolve("journal");
        FileChannel closed = open(file);
        closed.close();
        assertThatThrownBy(() -> new BackgroundForce(file, null).request(closed))
                .isInstanceOf(FileSystemException.class).hasMessageContaining(file.toString());
        Executor stopped = task -> {
            throw new RejectedExecutionException("stopping");
        };
        BackgroundForce force = new BackgroundForce(file, stopped);
        assertThatThrownBy(() -> force.request(closed)).hasMessageContaining(file.toString());
        // nothing is left running: a wait returns at once
        force.await();
    }

    private static FileChannel open(Path file) throws Exception {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }
}
