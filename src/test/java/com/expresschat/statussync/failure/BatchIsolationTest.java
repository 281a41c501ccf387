package com.expresschat.statussync.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.model.BatchOutcome;
import com.expresschat.statussync.model.FailureClass;
import com.expresschat.statussync.model.Isolation;
import com.expresschat.statussync.model.Row;

/**
 * The bisection itself, with express-chat played by a function of the IDs of each part (the routes and real HTTP
 * are IsolationTest's): which parts are sent, how many, and what each ID ends as.
 */
class BatchIsolationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final List<Batch> sent = new ArrayList<>();

    @Test
    void theDefaultBudgetFindsThreeRefusedIdsAnywhereInABatch() {
        assertThat(BatchIsolation.budgetFor(100, 3)).isEqualTo(42);
        assertThat(BatchIsolation.budgetFor(128, 3)).isEqualTo(42);
        assertThat(BatchIsolation.budgetFor(129, 3)).isEqualTo(48);
        assertThat(BatchIsolation.budgetFor(2, 3)).isEqualTo(6);
        // the worst case for 3 refused IDs of 100 over every spread of them stays within that budget
        int worst = 0;
        for (int a = 0; a < 100; a += 9) {
            for (int b = a + 1; b < 100; b += 13) {
                for (int c = b + 1; c < 100; c += 17) {
                    sent.clear();
                    BatchOutcome outcome = isolate(42, 100, Set.of(a, b, c));
                    assertThat(outcome.isolation().refusedAlone()).hasSize(3);
                    worst = Math.max(worst, outcome.isolation().requests());
                }
            }
        }
        assertThat(worst).isLessThanOrEqualTo(42);
    }

    @Test
    void oneRefusedIdOfAHundredCostsTwoRequestsPerHalvingAndEveryOtherIdIsDelivered() {
        BatchOutcome outcome = isolate(42, 100, Set.of(41));

        Isolation isolation = outcome.isolation();
        assertThat(outcome.result()).isEqualTo(BatchOutcome.Result.ISOLATED);
        // 100 > 50 > 25 > 13 > 7 > 4 > 2 > 1: seven halvings, both halves of each sent
        assertThat(isolation.requests()).isEqualTo(14).isEqualTo(sent.size());
        assertThat(isolation.refusedAlone()).singleElement().satisfies(part -> {
            assertThat(part.batch().rows()).extracting(Row::id).containsExactly(id(41));
            assertThat(part.httpStatus()).isEqualTo(400);
            assertThat(part.response()).isEqualTo("refused " + id(41));
        });
        assertThat(isolation.delivered()).isEqualTo(99);
        assertThat(isolation.notIsolated()).isEmpty();
        // every ID once, in batch order, over the parts
        assertThat(isolation.pieces()).flatMap(p -> p.batch().rows()).extracting(Row::id)
                .containsExactlyElementsOf(ids(100));
        // each part has a request id of its own that names where it came from
        assertThat(sent).extracting(Batch::requestId).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("request-1(\\.[12])+"));
    }

    @Test
    void whenTheBudgetRunsOutTheRefusedPartsLeftAreDeadLetteredWholeAndNotIsolated() {
        BatchOutcome outcome = isolate(10, 100, Set.of(5, 50, 94));

        Isolation isolation = outcome.isolation();
        assertThat(isolation.requests()).isLessThanOrEqualTo(10).isEqualTo(sent.size());
        assertThat(isolation.refusedAlone()).isEmpty();
        assertThat(isolation.notIsolated()).hasSize(3).allSatisfy(part -> {
            assertThat(part.failureClass()).isEqualTo(FailureClass.REJECTED);
            assertThat(part.attempts()).isEqualTo(1);
        });
        assertThat(isolation.delivered() + isolation.deadLettered()).isEqualTo(100);
        assertThat(isolation.notIsolated()).flatMap(p -> p.batch().rows()).extracting(Row::id)
                .contains(id(5), id(50), id(94));
    }

    @Test
    void aBatchWhoseFourQuartersAreAllRefusedIsNotBisectedFurther() {
        BatchOutcome outcome = isolate(42, 100, Set.copyOf(IntStream.range(0, 100).boxed().toList()));

        assertThat(outcome.isolation().requests()).isEqualTo(6); // two halves, four quarters
        assertThat(outcome.isolation().deadLettered()).isEqualTo(100);
        assertThat(outcome.isolation().notIsolated()).hasSize(4);
    }

    @Test
    void aPartThatFailsOtherwiseIsNotBisectedAndStopsTheIsolation() {
        // the first half is refused, the second is answered 503 after its retries
        BatchIsolation isolation = new BatchIsolation(true, 42, part -> {
            sent.add(part);
            return part.requestId().equals("request-1.2")
                    ? BatchOutcome.deadLettered(part, 6, FailureClass.TRANSIENT, 503, "down", null, CLOCK.instant())
                    : BatchOutcome.deadLettered(part, 1, FailureClass.REJECTED, 400, "refused", null, CLOCK.instant());
        }, CLOCK);

        BatchOutcome outcome = isolation.isolate(refused(batch(8)));

        assertThat(sent).extracting(Batch::requestId).containsExactly("request-1.1", "request-1.2");
        assertThat(outcome.isolation().pieces()).extracting(BatchOutcome::failureClass)
                .containsExactly(FailureClass.REJECTED, FailureClass.TRANSIENT);
        assertThat(outcome.isolation().requests()).isEqualTo(2);
    }

    @Test
    void onlyARefusedSentBatchOfSeveralIdsThatIsNoPartIsIsolated() {
        BatchIsolation on = new BatchIsolation(true, 42, part -> null, CLOCK);
        BatchOutcome refused = refused(batch(2));

        assertThat(on.applies(refused, null)).isTrue();
        assertThat(on.applies(refused, Boolean.TRUE)).isFalse();
        assertThat(on.applies(refused(batch(1)), null)).isFalse();
        for (FailureClass other : List.of(FailureClass.AUTH, FailureClass.THROTTLED, FailureClass.TRANSIENT)) {
            assertThat(on.applies(BatchOutcome.deadLettered(batch(2), 1, other, 500, "", null, CLOCK.instant()), null))
                    .isFalse();
        }
        assertThat(new BatchIsolation(false, 42, part -> null, CLOCK).applies(refused, null)).isFalse();
        assertThat(new BatchIsolation(true, 1, part -> null, CLOCK).applies(refused, null)).isFalse();
    }

    /** Isolates a batch of {@code size} whose IDs at {@code refusedAt} express-chat refuses. */
    private BatchOutcome isolate(int budget, int size, Set<Integer> refusedAt) {
        Set<String> refusedIds = Set.copyOf(refusedAt.stream().map(BatchIsolationTest::id).toList());
        BatchIsolation isolation = new BatchIsolation(true, budget, part -> {
            sent.add(part);
            return part.rows().stream().map(Row::id).filter(refusedIds::contains).findFirst()
                    .map(id -> BatchOutcome.deadLettered(part, 1, FailureClass.REJECTED, 400, "refused " + id, null,
                            CLOCK.instant()))
                    .orElseGet(() -> BatchOutcome.delivered(part, 1, 200, "{}", CLOCK.instant()));
        }, CLOCK);
        return isolation.isolate(refused(batch(size)));
    }

    private static BatchOutcome refused(Batch batch) {
        return BatchOutcome.deadLettered(batch, 1, FailureClass.REJECTED, 400, "refused", null, CLOCK.instant());
    }

    private static Batch batch(int size) {
        return new Batch("users.txt", 1, "DELETED",
                IntStream.range(0, size).mapToObj(i -> Row.of(i + 1, id(i), null, null)).toList(), "request-1");
    }

    private static List<String> ids(int size) {
        return IntStream.range(0, size).mapToObj(BatchIsolationTest::id).toList();
    }

    private static String id(int i) {
        return String.format("%024x", i);
    }
}
