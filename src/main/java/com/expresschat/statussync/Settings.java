package com.expresschat.statussync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.util.TimeUtils;

/**
 * The typed view of the {@code statussync.*} settings of config/application.properties
 * (each can be overridden by a JVM system property or an environment variable).
 */
public record Settings(
        Path inboxDir,
        Path doneDir,
        Path errorDir,
        int batchSize,
        String defaultStatus,
        List<String> allowedStatuses,
        String idPattern,
        OnInvalid onInvalid,
        boolean dryRun,
        int concurrency,
        int maxRequestsPerSecond,
        int maxRetries,
        Duration initialDelay,
        Duration maxDelay,
        double backoffMultiplier,
        Circuit circuit,
        int progressEveryBatches,
        Duration progressEvery,
        Duration attemptDeadline,
        Duration stableFor) {

    /** When express-chat counts as failing (§4): the circuit breaker's settings. */
    public record Circuit(int windowSize, int minimumCalls, float failureRateThreshold) {
    }

    /** What to do with an input that has invalid rows (§2). */
    public enum OnInvalid {
        /** Reject the whole input: nothing is sent. */
        REJECT,
        /** Send the valid rows and report the skipped ones. */
        SKIP
    }

    public Settings {
        require(batchSize >= 1, "statussync.batch-size must be at least 1, was " + batchSize);
        require(concurrency >= 1, "statussync.delivery.concurrency must be at least 1, was " + concurrency);
        require(maxRequestsPerSecond >= 0, "statussync.delivery.max-requests-per-second must be 0 (off) or more, was "
                                           + maxRequestsPerSecond);
        require(maxRetries >= 0, "statussync.retry.max-retries must not be negative, was " + maxRetries);
        require(!allowedStatuses.isEmpty(), "statussync.allowed-statuses must name at least one status");
        require(allowedStatuses.contains(defaultStatus),
                "statussync.default-status " + defaultStatus + " is not in statussync.allowed-statuses " + allowedStatuses);
    }

    public static Settings from(PropertiesComponent properties) {
        Reader p = new Reader(properties);
        return new Settings(
                Path.of(p.get("statussync.inbox-dir")),
                Path.of(p.get("statussync.done-dir")),
                Path.of(p.get("statussync.error-dir")),
                p.getInt("statussync.batch-size"),
                p.get("statussync.default-status").trim(),
                Arrays.stream(p.get("statussync.allowed-statuses").split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList(),
                p.get("statussync.id-pattern"),
                p.getEnum("statussync.on-invalid"),
                Boolean.parseBoolean(p.get("statussync.dry-run").trim()),
                p.getInt("statussync.delivery.concurrency"),
                p.getInt("statussync.delivery.max-requests-per-second"),
                p.getInt("statussync.retry.max-retries"),
                p.getDuration("statussync.retry.initial-delay"),
                p.getDuration("statussync.retry.max-delay"),
                Double.parseDouble(p.get("statussync.retry.multiplier").trim()),
                new Circuit(
                        p.getInt("statussync.circuit.window-size"),
                        p.getInt("statussync.circuit.minimum-calls"),
                        p.getInt("statussync.circuit.failure-rate-threshold")),
                p.getInt("statussync.progress.every-batches"),
                p.getDuration("statussync.progress.every"),
                // one attempt, answer included, may take the connect timeout plus the response timeout (§3)
                Duration.ofMillis((long) p.getInt("statussync.delivery.connect-timeout")
                                  + p.getInt("statussync.delivery.response-timeout")),
                p.getDuration("statussync.file.stable-for"));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Reads required properties with an error message that names the setting. */
    private record Reader(PropertiesComponent properties) {

        String get(String key) {
            return properties.resolveProperty(key)
                    .orElseThrow(() -> new IllegalArgumentException("missing setting " + key));
        }

        int getInt(String key) {
            try {
                return Integer.parseInt(get(key).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number, was '" + get(key) + "'");
            }
        }

        Duration getDuration(String key) {
            try {
                return Duration.ofMillis(TimeUtils.toMilliSeconds(get(key).trim()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(key + " must be a duration such as 500ms, 1s or 2m, was '" + get(key) + "'");
            }
        }

        OnInvalid getEnum(String key) {
            try {
                return OnInvalid.valueOf(get(key).trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + " must be reject or skip, was '" + get(key) + "'");
            }
        }
    }
}
