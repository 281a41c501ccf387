package com.expresschat.statussync.packaged;

import static com.expresschat.statussync.packaged.ProdRun.BATCH_SIZE;
import static com.expresschat.statussync.packaged.ProdRun.CONCURRENCY;
import static com.expresschat.statussync.packaged.ProdRun.FLUSH_EVERY;
import static com.expresschat.statussync.packaged.ProdRun.IDS_PER_INPUT;
import static com.expresschat.statussync.packaged.ProdRun.MAX_RESENT_PER_KILL;
import static com.expresschat.statussync.packaged.ProdRun.count;
import static com.expresschat.statussync.packaged.ProdRun.inputsIn;
import static com.expresschat.statussync.packaged.ProdRun.listFiles;
import static com.expresschat.statussync.packaged.ProdRun.receipts;
import static com.expresschat.statussync.packaged.ProdRun.writeInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.AppProcess;
import com.expresschat.statussync.support.ExpressChatStub;

/**
 * §5 crash safety on the packaged jar as a real process in the prod profile, against a slow express-chat played by
 * WireMock ({@link ProdRun}): 20 inputs of 5,000 IDs; the process is killed with SIGKILL at random moments (seeded,
 * the seed is logged; {@code -Dcrash.seed=N} replays a run) and restarted each time, then left to finish. No ID is
 * lost, every input is archived once with a complete DELIVERED receipt, nothing temporary is left, and each kill
 * re-sends at most {@link ProdRun#MAX_RESENT_PER_KILL} IDs. Before the last start, the leftovers of crash windows too
 * narrow to hit at random are planted by hand (part files, a receipt whose input was not moved yet).
 */
class CrashIT extends ProdRunSupport {

    static final int FILES = 20;
    static final int BATCHES_PER_FILE = IDS_PER_INPUT / BATCH_SIZE;
    /** The first kill comes while inputs are being picked up; the five others while batches are delivered. */
    static final int KILLS = 6;
    // slow enough that 6 kills up to 6 s apart all land while inputs are left (one input at a time: ~30 s of work)
    static final int UPSTREAM_DELAY_MS = 120;
    /** The latest random moment of a kill during delivery, after the run's first PUT. */
    static final int MAX_KILL_DELAY_MS = 6_000;

    @Test
    void killedAtRandomMomentsLosesNoIdAndLeavesNoStrayOutput() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("CrashIT seed=" + seed + " (replay with -Dcrash.seed=" + seed + ")");
        Random random = new Random(seed);
        run.startExpressChat(UPSTREAM_DELAY_MS);

        Map<String, List<String>> inputs = new LinkedHashMap<>();
        for (int f = 0; f < FILES; f++) {
            String name = String.format("users-%02d.txt", f + 1);
            inputs.put(name, writeInput(inbox, name, f));
        }
        long began = System.nanoTime();

        int killsWithWorkLeft = 0;
        // where each run starts in WireMock's request journal: the IDs a run sends that an earlier run sent already
        // are what the kill before it costs
        List<Integer> runStarts = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            runStarts.add(run.requestCount());
            AppProcess app = run.start(List.of());
            app.awaitStarted(Duration.ofSeconds(60));
            int requestsBefore = run.requestCount();
            Duration moment;
            String after;
            if (kill == 1) {
                // while inputs are being picked up (lock files) and validated
                moment = Duration.ofMillis(random.nextInt(1_500));
                after = "start";
            } else {
                // while batches are being delivered, receipts written and inputs archived
                await().atMost(Duration.ofSeconds(60)).until(() -> run.requestCount() > requestsBefore);
                moment = Duration.ofMillis(random.nextInt(MAX_KILL_DELAY_MS + 1));
                after = "first PUT";
            }
            await().pollDelay(moment).atMost(moment.plusSeconds(5)).until(() -> true);
            boolean workLeft = !inputsIn(inbox).isEmpty();
            app.kill();
            assertThat(app.isAlive()).isFalse();
            if (workLeft) {
                killsWithWorkLeft++;
            }
            // what the crash left behind: removed or redone at the next start
            String state = String.format("kill %d at +%d ms after %s: %d PUTs in this run, inputs left %d, "
                                         + "archived %d, lock files %d, part files %d, receipts of unmoved inputs %d",
                    kill, moment.toMillis(), after, run.requestCount() - requestsBefore, inputsIn(inbox).size(),
                    inputsIn(done).size(), count(inbox, ".camelLock"), count(done, ".part") + count(error, ".part"),
                    run.receiptsOfUnmovedInputs());
            System.out.println("CrashIT " + state);
        }

        // the narrow windows random kills rarely hit, left by hand as such a crash would leave them: a receipt and
        // a dead-letter file half-written (part files), and a receipt written whose input was not moved yet
        List<String> left = inputsIn(inbox);
        String unmoved;
        boolean putBackByHand = left.isEmpty();
        if (putBackByHand) {
            // every input was archived before the last kill: put one back, as a crash between writing its receipt
            // and moving it would have left it
            unmoved = inputsIn(done).get(0);
            Files.move(done.resolve(unmoved), inbox.resolve(unmoved));
        } else {
            unmoved = left.get(left.size() - 1);
        }
        Files.writeString(done.resolve("." + unmoved + ".receipt.json.part"), "{\"input\":");
        Files.writeString(error.resolve("." + unmoved + ".transient.ndjson.part"), "{\"id\":");
        Files.writeString(done.resolve(unmoved + ".receipt.json"),
                "{\"input\":\"" + unmoved + "\",\"outcome\":\"DELIVERED\",\"stale\":true}");

        AtomicInteger mostInputsInFlight = new AtomicInteger();
        runStarts.add(run.requestCount());
        try (AppProcess app = run.start(List.of())) {
            app.awaitStarted(Duration.ofSeconds(60));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
                // a lock file marks an input the file consumer is processing
                mostInputsInFlight.accumulateAndGet((int) count(inbox, ".camelLock"), Math::max);
                return inputsIn(inbox).isEmpty() && receipts(done).size() == FILES || !app.isAlive();
            });
        }
        long seconds = Duration.ofNanos(System.nanoTime() - began).toSeconds();

        // every ID accepted by express-chat at least once
        Map<String, Integer> received = run.receivedIdCounts();
        List<String> expected = inputs.values().stream().flatMap(List::stream).toList();
        List<String> lost = expected.stream().filter(id -> !received.containsKey(id)).toList();
        assertThat(lost).as("IDs express-chat never received").isEmpty();
        assertThat(received).hasSize(expected.size());
        long sentMoreThanOnce = received.values().stream().filter(n -> n > 1).count();
        long extraSends = received.values().stream().mapToLong(n -> n - 1).sum();
        System.out.printf("CrashIT done: seed=%d, %d kills (%d with work left), %d s in all, %d PUTs for %d batches, "
                          + "%d of %d IDs sent more than once (%d extra sends); up to %d inputs in flight at once "
                          + "in the last run%n",
                seed, KILLS, killsWithWorkLeft, seconds, run.requestCount(), FILES * BATCHES_PER_FILE,
                sentMoreThanOnce, expected.size(), extraSends, mostInputsInFlight.get());
        assertThat(killsWithWorkLeft).as("kills that hit a run with work left").isEqualTo(KILLS);
        // an input put back by hand from done/ is a new input (its journal went with its archiving): all of it again
        Set<String> redropped = putBackByHand ? Set.copyOf(inputs.get(unmoved)) : Set.of();
        List<Long> resentPerKill = run.resentPerRun(runStarts, redropped);
        System.out.printf("CrashIT IDs re-sent after each kill (bound (%d + %d) x %d = %d): %s%n", CONCURRENCY,
                FLUSH_EVERY, BATCH_SIZE, MAX_RESENT_PER_KILL, resentPerKill);
        assertThat(resentPerKill).as("IDs re-sent after each kill").allMatch(n -> n <= MAX_RESENT_PER_KILL);

        // every input archived once, unchanged, with a complete DELIVERED receipt; nothing else anywhere
        assertThat(inputsIn(inbox)).isEmpty();
        assertThat(inputsIn(done)).containsExactlyInAnyOrderElementsOf(inputs.keySet());
        for (Map.Entry<String, List<String>> input : inputs.entrySet()) {
            assertThat(Files.readAllLines(done.resolve(input.getKey()))).isEqualTo(input.getValue());
            run.assertDelivered(done.resolve(input.getKey() + ".receipt.json"), IDS_PER_INPUT);
        }
        assertThat(listFiles(done)).hasSize(2 * FILES);
        assertThat(ExpressChatStub.read(Files.readString(done.resolve(unmoved + ".receipt.json"))).has("stale"))
                .as("the receipt of the input processed again replaces the one left by the crash").isFalse();
        assertThat(listFiles(error)).as("dead letters").isEmpty();
        run.assertNoStrayFiles();
    }
}
