package com.expresschat.statussync.packaged;

import static com.expresschat.statussync.packaged.ProdRun.BATCH_SIZE;
import static com.expresschat.statussync.packaged.ProdRun.MAX_RESENT_PER_KILL;
import static com.expresschat.statussync.packaged.ProdRun.count;
import static com.expresschat.statussync.packaged.ProdRun.listFiles;
import static com.expresschat.statussync.packaged.ProdRun.receipts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.AppProcess;

/**
 * §5 resume from the journal on the packaged jar as a real process in the prod profile ({@link ProdRun}): one input
 * of a million IDs against a fast express-chat, killed with SIGKILL at about 90 % of its batches and started again.
 * The restart resumes it from its claim and journal: every ID reaches express-chat, those sent twice are within the
 * per-kill bound, and its one receipt lists every batch.
 */
class LargeInputResumeIT extends ProdRunSupport {

    /** The large input ({@code -Dcrash.large-ids=N} for another size). */
    static final int LARGE_IDS = Integer.getInteger("crash.large-ids", 1_000_000);

    @Test
    void aLargeInputKilledNearItsEndResumesWhereItStopped() throws Exception {
        // fast, but not instant, so that ~90 % can be aimed at
        run.startExpressChat(5);
        int batches = LARGE_IDS / BATCH_SIZE;
        List<String> ids = new ArrayList<>(LARGE_IDS);
        for (int i = 0; i < LARGE_IDS; i++) {
            ids.add(String.format("%08x%016x", 0x64b00000, (i + 1) * 0x9e3779b1L));
        }
        Path staged = Files.write(inbox.resolveSibling(".large.txt.staged"), ids);
        Files.move(staged, inbox.resolve("large.txt"));
        long began = System.nanoTime();

        AppProcess first = run.start(List.of());
        first.awaitStarted(Duration.ofSeconds(60));
        int target = batches * 9 / 10;
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> run.requestCount() >= target || !first.isAlive());
        first.kill();
        int atKill = run.requestCount();
        Set<String> sentBeforeKill = run.receivedIdCounts().keySet();
        Path claimed = inbox.resolve(".claimed").resolve("large.txt");
        System.out.printf("LargeInputResumeIT: %d IDs (%d batches), killed after %d PUTs (%d %%), %d IDs sent; "
                          + "claimed: %s, journal files: %d%n", LARGE_IDS, batches, atKill, atKill * 100 / batches,
                sentBeforeKill.size(), Files.exists(claimed), count(inbox.resolve(".claimed"), ".ndjson"));
        assertThat(atKill).as("killed before the end").isLessThan(batches);

        try (AppProcess second = run.start(List.of())) {
            second.awaitStarted(Duration.ofSeconds(60));
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> receipts(done).size() == 1 || !second.isAlive());
            assertThat(second.output()).contains("Input large.txt resumes");
        }
        int afterRestart = run.requestCount() - atKill;
        Map<String, Integer> received = run.receivedIdCounts();
        long resent = received.values().stream().filter(n -> n > 1).count();
        System.out.printf("LargeInputResumeIT: the restart sent %d PUTs (%d IDs); %d IDs sent twice (%.2f %% of the "
                          + "input; bound per kill %d); %d s in all%n", afterRestart, afterRestart * BATCH_SIZE, resent,
                resent * 100.0 / LARGE_IDS, MAX_RESENT_PER_KILL,
                Duration.ofNanos(System.nanoTime() - began).toSeconds());

        assertThat(received).as("every ID reached express-chat").hasSize(LARGE_IDS);
        assertThat(resent).as("IDs sent twice after a kill at ~90 %").isLessThan(LARGE_IDS / 5)
                .isLessThanOrEqualTo(MAX_RESENT_PER_KILL);
        run.assertDelivered(done.resolve("large.txt.receipt.json"), LARGE_IDS);
        assertThat(listFiles(error)).isEmpty();
        run.assertNoStrayFiles();
    }
}
