package com.expresschat.statussync.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.LogCapture;
import com.expresschat.statussync.support.MovableClock;

/** Failed logins: each counted; one WARN line per client address per minute, with what was not logged since. */
class LoginFailuresTest {

    private final List<String> counted = new ArrayList<>();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T08:00:00Z"));
    private final LoginFailures failures = new LoginFailures(counted::add, clock);

    @BeforeAll
    static void captureLogs() {
        LogCapture.install();
    }

    @Test
    void everyFailureIsCountedByReason() {
        failures.failed(address(), true);
        failures.failed(address(), true);
        failures.failed(address(), false);

        assertThat(counted).containsExactly("refused", "refused", "missing");
    }

    @Test
    void anAddressIsLoggedOncePerMinuteWithTheRefusalsInBetween() {
        String address = address();
        for (int i = 0; i < 5; i++) {
            failures.failed(address, true);
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(linesAbout(address)).containsExactly("WARN  LoginFailures - REST login failed from " + address
                                                        + ": credentials refused");

        clock.advance(Duration.ofSeconds(20)); // 70 s after the first line
        failures.failed(address, true);

        assertThat(linesAbout(address)).hasSize(2).last().asString()
                .endsWith("credentials refused (4 more refused from this address since the previous line)");
    }

    @Test
    void eachAddressHasItsOwnMinute() {
        String first = address();
        String second = address();

        failures.failed(first, true);
        failures.failed(second, true);
        failures.failed(first, true);

        assertThat(linesAbout(first)).hasSize(1);
        assertThat(linesAbout(second)).hasSize(1);
    }

    @Test
    void aRequestWithoutCredentialsIsCountedButNotLogged() {
        String address = address();

        failures.failed(address, false);

        assertThat(linesAbout(address)).isEmpty();
    }

    /** A documentation address (RFC 5737) of its own for each test, as the log capture is shared by the JVM. */
    private static String address() {
        return "192.0.2." + Math.floorMod(UUID.randomUUID().hashCode(), 250) + "-" + UUID.randomUUID();
    }

    private static List<String> linesAbout(String address) {
        return LogCapture.text().lines().filter(line -> line.contains(address)).toList();
    }
}
