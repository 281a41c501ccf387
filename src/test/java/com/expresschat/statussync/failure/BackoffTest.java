package com.expresschat.statussync.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Backoff (§4): exponential from the first delay, ±20% jitter, never above the cap. */
class BackoffTest {

    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration CAP = Duration.ofSeconds(60);

    @Test
    void growsExponentially() {
        Backoff backoff = backoffWithRandom(0.5); // the middle of the jitter range: no jitter

        assertThat(delays(backoff, 1, 2, 3, 4, 5)).containsExactly(seconds(1), seconds(2), seconds(4), seconds(8),
                seconds(16));
    }

    @Test
    void jittersByAtMostTwentyPercentEitherWay() {
        assertThat(backoffWithRandom(0).delayBeforeRetry(3, null)).isEqualTo(Duration.ofMillis(3200));
        assertThat(backoffWithRandom(1).delayBeforeRetry(3, null)).isEqualTo(Duration.ofMillis(4800));
    }

    @Test
    void neverWaitsLongerThanTheCap() {
        assertThat(backoffWithRandom(1).delayBeforeRetry(6, null)).isEqualTo(Duration.ofMillis(38_400));
        assertThat(backoffWithRandom(1).delayBeforeRetry(7, null)).isEqualTo(CAP);
        assertThat(backoffWithRandom(0).delayBeforeRetry(2000, null)).isEqualTo(CAP);
    }

    @Test
    void aRetryAfterReplacesTheComputedDelayWithoutJitter() {
        assertThat(backoffWithRandom(1).delayBeforeRetry(4, seconds(3))).isEqualTo(seconds(3));
    }

    @Test
    void aRetryAfterOfZeroOrInThePastWaitsAtLeastTheFirstDelay() {
        assertThat(backoffWithRandom(0).delayBeforeRetry(1, Duration.ZERO)).isEqualTo(FIRST);
        assertThat(backoffWithRandom(0).delayBeforeRetry(3, Duration.ofMillis(200))).isEqualTo(FIRST);
        assertThat(backoffWithRandom(0).delayBeforeRetry(1, RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT",
                Failures.NOW).orElseThrow())).isEqualTo(FIRST);
    }

    @Test
    void aRetryAfterIsCappedToo() {
        assertThat(backoffWithRandom(0.5).delayBeforeRetry(1, Duration.ofHours(1))).isEqualTo(CAP);
        assertThat(backoffWithRandom(0.5).delayBeforeRetry(1,
                RetryAfter.parse("99999999999999999999999", Failures.NOW).orElseThrow())).isEqualTo(CAP);
    }

    private static Backoff backoffWithRandom(double random) {
        return new Backoff(FIRST, 2, CAP, () -> random);
    }

    private static Duration[] delays(Backoff backoff, int... retries) {
        Duration[] delays = new Duration[retries.length];
        for (int i = 0; i < retries.length; i++) {
            delays[i] = backoff.delayBeforeRetry(retries[i], null);
        }
        return delays;
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
