package com.expresschat.statussync.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.KafkaBroker;
import com.expresschat.statussync.support.RunFolders;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * §4 AUTH and §6 pausing on the Kafka transport (docs/scaling.md "Pausing"): two instances of the packaged jar read
 * their token from a token file each. Mid-run express-chat stops accepting the token (WireMock answers 401 to it and
 * accepts only a new one). Each instance pauses at its own first 401 (its own gate, its worker consumers suspended):
 * <ul>
 * <li>group-wide, at most {@link #PUT_BOUND} PUTs reach express-chat from the first 401 on: each consumer thread makes
 * at most one before its instance is paused, since no 401 is retried;</li>
 * <li>both instances report the pause (readiness 503 naming the refused token), and no PUT is made while paused, for
 * longer than max.poll.interval.ms: the consumers are paused, not blocked, so no rebalance happens meanwhile;</li>
 * <li>the refused batches are dead-lettered as AUTH (§4), at most {@link #DEAD_LETTER_BOUND}, and nothing else
 * is;</li>
 * <li>rewriting the token files resumes both instances (the probe reads the new token), everything else is
 * delivered, and replaying the dead-letter files delivers the rest: every ID accepted.</li>
 * </ul>
 */
class KafkaTokenRejectedIT extends KafkaFleetSupport {

    static final int FILES = 20;
    static final int IDS_PER_FILE = 500;
    static final int BATCHES_PER_FILE = IDS_PER_FILE / 100;
    static final int INSTANCES = 2;
    static final int CONCURRENCY = 2;
    /** The shipped default: a poll's outcomes are published in one send and its offsets committed once. */
    static final int MAX_POLL_RECORDS = 5;
    static final int DELAY_MS = 150;
    /**
     * From the first 401 on: one PUT per consumer thread of the group, each refused and not retried; the rest of its
     * poll is dead-lettered without a call, so this does not grow with max-poll-records.
     */
    static final int PUT_BOUND = INSTANCES * CONCURRENCY;
    /**
     * The refused batches, plus those a consumer thread had already polled when its instance paused (dead-lettered
     * without a call, as in one process): the rest of the poll in hand, or the next poll if the pause came while it
     * polled, at most max-poll-records per thread.
     */
    static final int DEAD_LETTER_BOUND = PUT_BOUND + INSTANCES * CONCURRENCY * MAX_POLL_RECORDS;
    /** Short, so that the pause below outlasts it: a blocked consumer would be expelled and the group rebalance. */
    static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(5);
    static final Duration HELD_PAUSE = MAX_POLL_INTERVAL.plusSeconds(2);
    static final String REVOKED = "kafka-it-revoked-" + UUID.randomUUID();
    static final String ROTATED = "kafka-it-rotated-" + UUID.randomUUID();

    @Test
    void aRefusedTokenPausesTheWholeGroupWithinOnePutPerWorkerAndFixedTokenFilesResumeIt() throws Exception {
        fleet(CONCURRENCY, MAX_POLL_RECORDS, DELAY_MS);
        KafkaFleet.Instance a = start("A");
        KafkaFleet.Instance b = start("B");
        fleet.awaitInGroup(a, b);
        Map<String, List<String>> inputs = fleet.dropInputs("A", FILES, IDS_PER_FILE, 0x64e00000);
        int batches = FILES * BATCHES_PER_FILE;

        await().atMost(KafkaBroker.PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> fleet.putCount() >= 20);
        // express-chat no longer takes the token the instances have: 401 to it (PUT and probe), 2xx to the new one only
        fleet.expressChat().stubFor(any(urlEqualTo(ExpressChatStub.PATH)).willReturn(aResponse().withStatus(401)));
        fleet.expressChat().stubFor(any(urlEqualTo(ExpressChatStub.PATH)).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + ROTATED))
                .willReturn(okJson("{\"updated\":true}").withFixedDelay(DELAY_MS)));

        // the whole group pauses: both instances say why, and no PUT is made for longer than max.poll.interval.ms
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> paused(a) && paused(b));
        long revocations = fleet.revocations(a) + fleet.revocations(b);
        AtomicInteger seen = new AtomicInteger(fleet.putCount());
        await().during(HELD_PAUSE).atMost(HELD_PAUSE.plusSeconds(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> seen.getAndSet(fleet.putCount()) == seen.get() && paused(a) && paused(b));
        assertThat(fleet.revocations(a) + fleet.revocations(b)).as("no rebalance while paused").isEqualTo(revocations);
        assertThat(a.process().output() + b.process().output()).doesNotContain("poll timeout has expired");

        List<ServeEvent> puts = putsInOrder();
        int firstRefused = firstWithStatus(puts, 401);
        int putsFromFirst401 = puts.size() - firstRefused;
        System.out.printf("KafkaTokenRejectedIT: first 401 at PUT %d of %d batches; %d PUTs from it on (bound %d), "
                          + "none during %d s of pause%n", firstRefused + 1, batches, putsFromFirst401, PUT_BOUND,
                HELD_PAUSE.toSeconds());
        assertThat(firstRefused).as("the token is refused mid-run").isPositive().isLessThan(batches);
        assertThat(putsFromFirst401).as("PUTs group-wide from the first 401 on").isBetween(1, PUT_BOUND);
        assertThat(puts.subList(firstRefused, puts.size()))
                .allSatisfy(put -> assertThat(put.getResponse().getStatus()).isEqualTo(401));

        // the token files are fixed: both instances resume by themselves, and every input completes
        writeToken(a, ROTATED);
        writeToken(b, ROTATED);
        long fixed = System.nanoTime();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> fleet.allCollected("A", FILES));
        System.out.printf("KafkaTokenRejectedIT: all %d receipts %.1f s after the token files were fixed; "
                          + "consumed %s%n", FILES, (System.nanoTime() - fixed) / 1e9, fleet.consumedBy(a, b));
        assertThat(fleet.readiness(a).statusCode()).isEqualTo(200);
        assertThat(fleet.readiness(b).statusCode()).isEqualTo(200);

        List<String> deadLetters = assertCompleteAndDeadLetteredAuthOnly(inputs.keySet());
        System.out.printf("KafkaTokenRejectedIT: %d dead-letter files, %d IDs dead-lettered AUTH (bound %d batches)%n",
                deadLetters.size(), deadLetteredIds(), DEAD_LETTER_BOUND);
        assertThat(deadLetteredIds()).as("IDs dead-lettered").isPositive()
                .isLessThanOrEqualTo(DEAD_LETTER_BOUND * 100L);

        // replaying error/ delivers exactly what was dead-lettered: every ID accepted
        for (String deadLetter : deadLetters) {
            Files.move(fleet.error().resolve(deadLetter), fleet.inbox("A").resolve(deadLetter));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> deadLetters.stream().allMatch(n -> Files.exists(fleet.done().resolve(n + ".receipt.json"))));
        for (String deadLetter : deadLetters) {
            assertThat(fleet.receipt(deadLetter).path("outcome").asText()).as(deadLetter).isEqualTo("DELIVERED");
        }
        Set<String> accepted = acceptedIds();
        inputs.forEach((name, ids) -> assertThat(ids).as(name + ": every ID accepted").allMatch(accepted::contains));
        assertThat(puts.subList(0, firstRefused)).as("no PUT without the token")
                .allSatisfy(put -> assertThat(put.getRequest().getHeader("Authorization"))
                        .isEqualTo("Bearer " + REVOKED));
    }

    /**
     * Every input has a complete receipt (DELIVERED, or PARTIAL with AUTH dead letters); error/ holds only AUTH dead
     * letters and their reports. Returns the dead-letter files.
     */
    private List<String> assertCompleteAndDeadLetteredAuthOnly(Iterable<String> names) throws IOException {
        for (String name : names) {
            JsonNode receipt = fleet.receipt(name);
            JsonNode counts = receipt.path("counts");
            assertThat(counts.path("rows").asLong()).isEqualTo(IDS_PER_FILE);
            assertThat(counts.path("delivered").asLong() + counts.path("deadLettered").asLong()).as(name)
                    .isEqualTo(IDS_PER_FILE);
            assertThat(receipt.path("batches")).hasSize(BATCHES_PER_FILE);
            assertThat(receipt.path("outcome").asText()).as(name)
                    .isEqualTo(counts.path("deadLettered").asLong() == 0 ? "DELIVERED" : "PARTIAL");
        }
        List<String> deadLetters = new ArrayList<>();
        for (String file : RunFolders.listFiles(fleet.error())) {
            if (file.endsWith(".error.json")) {
                JsonNode report = ExpressChatStub.read(Files.readString(fleet.error().resolve(file)));
                assertThat(report.toString()).as(file).contains("AUTH");
            } else {
                assertThat(file).as("only AUTH dead letters in error/").endsWith(".auth.ndjson");
                deadLetters.add(file);
            }
        }
        return deadLetters;
    }

    private long deadLetteredIds() throws IOException {
        long ids = 0;
        for (String file : RunFolders.listFiles(fleet.error())) {
            if (file.endsWith(".auth.ndjson")) {
                ids += Files.readAllLines(fleet.error().resolve(file)).stream().filter(l -> !l.isBlank()).count();
            }
        }
        return ids;
    }

    private boolean paused(KafkaFleet.Instance instance) throws Exception {
        var ready = fleet.readiness(instance);
        return ready.statusCode() == 503 && ready.body().contains("express-chat rejected the token");
    }

    /** The PUTs express-chat answered, in arrival order. */
    private List<ServeEvent> putsInOrder() {
        List<ServeEvent> puts = new ArrayList<>(fleet.expressChat().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("PUT")).toList());
        puts.sort((x, y) -> x.getRequest().getLoggedDate().compareTo(y.getRequest().getLoggedDate()));
        return puts;
    }

    private static int firstWithStatus(List<ServeEvent> puts, int status) {
        for (int i = 0; i < puts.size(); i++) {
            if (puts.get(i).getResponse().getStatus() == status) {
                return i;
            }
        }
        return -1;
    }

    /** The IDs of the PUTs express-chat accepted (2xx). */
    private Set<String> acceptedIds() {
        Set<String> ids = new HashSet<>();
        for (ServeEvent put : putsInOrder()) {
            if (put.getResponse().getStatus() / 100 == 2) {
                LoggedRequest request = put.getRequest();
                ExpressChatStub.read(request.getBodyAsString()).get("ids").forEach(id -> ids.add(id.asText()));
            }
        }
        return ids;
    }

    private KafkaFleet.Instance start(String id) throws Exception {
        Path tokenFile = tokenFile(id);
        Files.createDirectories(tokenFile.getParent());
        writeTokenFile(tokenFile, REVOKED);
        return fleet.start(id, List.of("-Dstatussync.probe.interval=500ms",
                        "-Dstatussync.kafka.max-poll-interval-ms=" + MAX_POLL_INTERVAL.toMillis()),
                Map.of("EXPRESS_CHAT_TOKEN_FILE", tokenFile.toString()));
    }

    private Path tokenFile(String id) {
        return root.resolve("secrets").resolve(id.toLowerCase() + ".token");
    }

    private void writeToken(KafkaFleet.Instance instance, String token) throws IOException {
        writeTokenFile(tokenFile(instance.id()), token);
    }

    /** As an operator rotates it: a private file written beside it, then moved over it. */
    private static void writeTokenFile(Path file, String token) throws IOException {
        Path staged = file.resolveSibling("." + file.getFileName() + ".new");
        Files.writeString(staged, token + "\n");
        Files.setPosixFilePermissions(staged, PosixFilePermissions.fromString("rw-------"));
        Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
