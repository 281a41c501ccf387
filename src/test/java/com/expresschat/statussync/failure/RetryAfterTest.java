package com.expresschat.statussync.failure;

import static com.expresschat.statussync.failure.Failures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP date; anything else is ignored. */
class RetryAfterTest {

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 7 ", NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("0", NOW)).contains(Duration.ZERO);
    }

    @Test
    void readsAnHttpDateInTheFutureAsTheTimeUntilThen() {
        // NOW is 2025-03-01T09:00:00Z, a Saturday
        assertThat(RetryAfter.parse("Sat, 01 Mar 2025 09:01:30 GMT", NOW)).contains(Duration.ofSeconds(90));
    }

    @Test
    void anHttpDateInThePastMeansNow() {
        assertThat(RetryAfter.parse("Fri, 28 Feb 2025 09:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void aNumberTooLargeForALongIsStillAVeryLongDelay() {
        assertThat(RetryAfter.parse("99999999999999999999999", NOW))
                .hasValueSatisfying(delay -> assertThat(delay).isGreaterThan(Duration.ofDays(365 * 1000)));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "   ", "soon", "-5", "1.5", "5s", "2025-03-01T09:01:00Z", "Sat, 01 Mar 2025" })
    void ignoresWhatIsNeitherSecondsNorAnHttpDate(String value) {
        assertThat(RetryAfter.parse(value, NOW)).isEmpty();
    }
}
