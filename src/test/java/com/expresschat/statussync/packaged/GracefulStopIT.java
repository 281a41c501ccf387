package com.expresschat.statussync.packaged;

import static com.expresschat.statussync.packaged.ProdRun.inputsIn;
import static com.expresschat.statussync.packaged.ProdRun.listFiles;
import static com.expresschat.statussync.packaged.ProdRun.receipts;
import static com.expresschat.statussync.packaged.ProdRun.writeInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.AppProcess;

/**
 * §7 graceful stop on the packaged jar as a real process in the prod profile, against a slow express-chat played by
 * WireMock ({@link ProdRun}): SIGTERM while an input is in flight; the process exits within the shutdown timeout
 * (passed as {@code -Dcamel.main.shutdown-timeout}: 15 s, then 2 s; the shipped value is 30 s) plus
 * {@link ProdRun#STOP_MARGIN}. With time enough it finishes the input and leaves inputs not yet started in the inbox;
 * when the input outlasts the timeout it is abandoned: left in the inbox untouched, no receipt, no dead letter, no
 * part file (Camel's read-lock marker may stay beside it, as after a crash); the next start delivers it and leaves
 * nothing behind. (ShutdownIT: the same while batches wait for a retry.)
 */
class GracefulStopIT extends ProdRunSupport {

    @Test
    void sigtermFinishesOrSafelyAbandonsTheInputsInFlight() throws Exception {
        run.startExpressChat(300);

        // 1. time enough (15 s): the input in flight is finished
        Duration longTimeout = Duration.ofSeconds(15);
        List<String> first = writeInput(inbox, "first.txt", 100);
        AppProcess app = run.start(List.of("-Dcamel.main.shutdown-timeout=" + longTimeout.toSeconds()));
        app.awaitStarted(Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(30)).until(() -> run.requestCount() >= 8);
        // dropped just before the stop: usually never started (then it must stay in the inbox untouched)
        List<String> second = writeInput(inbox, "second.txt", 101);

        Duration stop = run.stop(app, longTimeout);
        boolean secondArchived = run.archivedOrUntouched("second.txt", second);
        System.out.printf("GracefulStopIT SIGTERM with an input in flight: exited in %d ms (shutdown timeout %d s); "
                          + "the input dropped just before: %s%n", stop.toMillis(), longTimeout.toSeconds(),
                secondArchived ? "archived" : "left in the inbox");
        assertThat(app.output()).contains("Input first.txt DELIVERED");
        assertThat(run.archivedOrUntouched("first.txt", first)).as("first.txt finished").isTrue();
        assertThat(first).allMatch(run.receivedIdCounts()::containsKey);
        assertThat(listFiles(error)).isEmpty();
        run.assertNoStrayFiles();

        // 2. the work in flight outlasts the shutdown timeout (2 s): what is not finished is abandoned, untouched
        List<String> slow = writeInput(inbox, "slow.txt", 102);
        run.acceptEveryPutAfter(500); // the newest stub wins; the request journal is kept
        Duration shortTimeout = Duration.ofSeconds(2);
        app = run.start(List.of("-Dcamel.main.shutdown-timeout=" + shortTimeout.toSeconds()));
        app.awaitStarted(Duration.ofSeconds(60));
        int requestsBefore = run.requestCount();
        await().atMost(Duration.ofSeconds(30)).until(() -> run.requestCount() >= requestsBefore + 8);

        stop = run.stop(app, shortTimeout);
        Map<String, Boolean> archived = new LinkedHashMap<>();
        if (!secondArchived) {
            archived.put("second.txt", run.archivedOrUntouched("second.txt", second));
        }
        archived.put("slow.txt", run.archivedOrUntouched("slow.txt", slow));
        // When the JVM exits before the abandoned exchanges have rolled back ("Shutting down while there are still
        // N inflight exchanges"), Camel's read-lock marker <input>.camelLock stays beside the input, as after a
        // crash; Camel deletes such orphans at the next start (readLockDeleteOrphanLockFiles, on by default).
        Set<String> markers = archived.entrySet().stream().filter(e -> !e.getValue())
                .map(e -> e.getKey() + ".camelLock").collect(Collectors.toSet());
        // an abandoned input may also stay claimed (inbox/.claimed/) with its journal: the next start resumes it
        markers.add(".journal-*");
        System.out.printf("GracefulStopIT SIGTERM past the shutdown timeout: exited in %d ms (shutdown timeout %d s) "
                          + "after %d PUTs; archived: %s; lock markers left: %d%n", stop.toMillis(),
                shortTimeout.toSeconds(), run.requestCount() - requestsBefore, archived,
                listFiles(inbox).stream().filter(markers::contains).count());
        app.output().lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).limit(10)
                .forEach(line -> System.out.println("GracefulStopIT   " + line));
        // 5,000 IDs at 500 ms a PUT cannot be sent within 2 s: something was abandoned
        assertThat(archived).containsValue(false);
        assertThat(listFiles(error)).as("an abandoned input is not dead-lettered").isEmpty();
        run.assertNoStrayFiles(markers);

        // 3. the next start finishes what was left
        try (AppProcess again = run.start(List.of())) {
            again.awaitStarted(Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(60)).until(
                    () -> inputsIn(inbox).isEmpty() && receipts(done).size() == 3 || !again.isAlive());
        }
        assertThat(run.archivedOrUntouched("second.txt", second)).isTrue();
        assertThat(run.archivedOrUntouched("slow.txt", slow)).isTrue();
        Map<String, Integer> received = run.receivedIdCounts();
        assertThat(second).allMatch(received::containsKey);
        assertThat(slow).allMatch(received::containsKey);
        assertThat(inputsIn(inbox)).isEmpty();
        assertThat(listFiles(done)).hasSize(6);
        assertThat(listFiles(error)).isEmpty();
        run.assertNoStrayFiles();
    }
}
