package com.expresschat.statussync.configuration;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.util.TimeUtils;

import com.expresschat.statussync.failure.BatchIsolation;
import com.expresschat.statussync.intake.rest.ApiAccessCheck;
import com.expresschat.statussync.intake.rest.ServerSettings;
import com.expresschat.statussync.validation.OnInvalid;

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
        ExpressChat expressChat,
        Rest rest,
        Isolation isolation,
        FileDrop fileDrop,
        int journalFlushEveryBatches,
        Storage storage,
        Transport transport,
        SharedInbox sharedInbox) {

    /**
     * Storage faults (§5): how often a held input's storage is tried again, and the free space required before an
     * input is processed.
     */
    public record Storage(Duration retryInterval, long minFreeBytes) {
    }

    /**
     * What the file intake takes (§6).
     *
     * @param stableFor how long a file must stay unchanged before it counts as complete (statussync.file.stable-for)
     * @param exclude   ant patterns of names that are never inputs (statussync.file.exclude)
     */
    public record FileDrop(Duration stableFor, String exclude) {
    }

    /**
     * One inbox watched by several instances (docs/scaling.md, "A shared inbox"): active/passive, the file intake runs
     * on the instance that holds the leader lock.
     *
     * @param enabled          statussync.file.shared-inbox
     * @param leaderDir        statussync.file.leader-dir: where the lock file is (on the shared file system)
     * @param checkInterval    statussync.file.leader-check-interval: how often the leader renews its heartbeat and
     *                         the others look at it
     * @param staleAfterChecks statussync.file.leader-stale-after-checks: heartbeats missed before the others take over
     */
    public record SharedInbox(boolean enabled, Path leaderDir, Duration checkInterval, int staleAfterChecks) {
    }

    /** When express-chat counts as failing (§4): the circuit breaker's settings. */
    public record Circuit(int windowSize, int minimumCalls, float failureRateThreshold) {
    }

    /**
     * Where and as whom the PUTs go (§7, §8).
     *
     * @param profile   camel.main.profile (dev, prod, or a test's own)
     * @param url       statussync.express-chat.url
     * @param token     statussync.express-chat.token (EXPRESS_CHAT_TOKEN); may be empty
     * @param tokenFile statussync.express-chat.token-file (EXPRESS_CHAT_TOKEN_FILE); may be empty
     */
    public record ExpressChat(String profile, String url, String token, String tokenFile) {

        @Override
        public String toString() {
            return "ExpressChat[profile=" + profile + ", url=" + url + ", token=****, tokenFile=" + tokenFile + "]";
        }
    }

    /**
     * The {@code statussync.rest.*} settings.
     *
     * @param maxBodySize       largest request body in bytes; larger ones are answered 413
     * @param allowAnonymous    whether the prod profile may serve the intake without authentication
     * @param retryAfterSeconds what a client is told to wait while intake is paused: one probe interval, in whole
     *                          seconds (rounded up, at least one)
     * @param workerThreads     the embedded server's worker pool: synchronous posts waiting at once, plus health
     * @param server            what the intake's security reads of camel.server.* and statussync.rest.* (TLS, JWT)
     */
    public record Rest(long maxBodySize, boolean allowAnonymous, long retryAfterSeconds, int workerThreads,
            ServerSettings server) {
    }

    /**
     * Per-ID failure isolation of REJECTED batches (§4): on or off, and the PUTs it may add per batch.
     * {@code auto} budgets for {@value #AUTO_REFUSED_IDS} refused IDs anywhere in a batch of {@code batch-size}.
     */
    public record Isolation(boolean enabled, int maxExtraRequests) {
    }

    /**
     * Between intake and delivery (§9): {@code direct} in one process, or {@code kafka}: batches and outcomes on
     * Kafka topics (docs/scaling.md).
     *
     * @param kafka       statussync.transport=kafka
     * @param instanceId  statussync.instance-id: this instance's name in receipts; by default host name and pid
     * @param journalDir  statussync.kafka.journal-dir: the outcomes of inputs being collected
     * @param lagInterval statussync.kafka.lag-interval: how often the consumer groups' lag is asked of the brokers
     */
    public record Transport(boolean kafka, String instanceId, Path journalDir, Duration lagInterval) {
    }

    static final int AUTO_REFUSED_IDS = 3;

    public Settings {
        require(batchSize >= 1, "statussync.batch-size must be at least 1, was " + batchSize);
        require(concurrency >= 1, "statussync.delivery.concurrency must be at least 1, was " + concurrency);
        require(maxRequestsPerSecond >= 0, "statussync.delivery.max-requests-per-second must be 0 (off) or more, was "
                                           + maxRequestsPerSecond);
        require(maxRetries >= 0, "statussync.retry.max-retries must not be negative, was " + maxRetries);
        require(isolation.maxExtraRequests() >= 0, "statussync.isolation.max-extra-requests must be auto, 0 or more, "
                                                   + "was " + isolation.maxExtraRequests());
        require(!allowedStatuses.isEmpty(), "statussync.allowed-statuses must name at least one status");
        require(allowedStatuses.contains(defaultStatus),
                "statussync.default-status " + defaultStatus + " is not in statussync.allowed-statuses " + allowedStatuses);
        require(rest.workerThreads() >= 2, "statussync.rest.worker-threads must be at least 2, was "
                                            + rest.workerThreads());
        require(journalFlushEveryBatches >= 1, "statussync.journal.flush-every-batches must be at least 1, was "
                                               + journalFlushEveryBatches);
        require(storage.minFreeBytes() >= 0, "statussync.storage.min-free-space must not be negative, was "
                                             + storage.minFreeBytes());
        require(!sharedInbox.enabled() || sharedInbox.staleAfterChecks() >= 2,
                "statussync.file.leader-stale-after-checks must be at least 2, was " + sharedInbox.staleAfterChecks());
        require(!sharedInbox.enabled() || sharedInbox.checkInterval().toMillis() >= 100,
                "statussync.file.leader-check-interval must be at least 100ms, was " + sharedInbox.checkInterval());
        require(rest.maxBodySize() >= 1, "statussync.rest.max-body-size must be at least 1 byte, was "
                                         + rest.maxBodySize());
    }

    public static Settings from(PropertiesComponent properties) {
        Reader p = new Reader(properties);
        int batchSize = p.getInt("statussync.batch-size");
        return new Settings(
                Path.of(p.get("statussync.inbox-dir")),
                Path.of(p.get("statussync.done-dir")),
                Path.of(p.get("statussync.error-dir")),
                batchSize,
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
                new ExpressChat(
                        p.optional("camel.main.profile", "none"),
                        p.optional("statussync.express-chat.url", ""),
                        p.optional("statussync.express-chat.token", ""),
                        p.optional("statussync.express-chat.token-file", "")),
                new Rest(
                        p.getLong("statussync.rest.max-body-size"),
                        Boolean.parseBoolean(p.optional(ApiAccessCheck.ALLOW_ANONYMOUS, "false").trim()),
                        // Retry-After counts whole seconds
                        Math.max(1, (p.getDuration("statussync.probe.interval").toMillis() + 999) / 1000),
                        p.getInt("statussync.rest.worker-threads"),
                        p.server()),
                new Isolation(p.getBoolean("statussync.isolation.enabled"), p.getBudget(batchSize)),
                new FileDrop(p.getDuration("statussync.file.stable-for"), p.optional("statussync.file.exclude", "")),
                p.getInt("statussync.journal.flush-every-batches"),
                new Storage(p.getDuration("statussync.storage.retry-interval"),
                        p.getLong("statussync.storage.min-free-space")),
                new Transport(p.getTransport(),
                        p.optional("statussync.instance-id", "").isBlank() ? defaultInstanceId()
                                : p.get("statussync.instance-id").trim(),
                        Path.of(p.optional("statussync.kafka.journal-dir", "data/journal")),
                        p.getDuration("statussync.kafka.lag-interval")),
                new SharedInbox(p.getBoolean("statussync.file.shared-inbox"), leaderDir(p),
                        p.getDuration("statussync.file.leader-check-interval"),
                        p.getInt("statussync.file.leader-stale-after-checks")));
    }

    /** statussync.file.leader-dir; by default the hidden .leader folder of the (shared) inbox. */
    private static Path leaderDir(Reader p) {
        String dir = p.optional("statussync.file.leader-dir", "").trim();
        return dir.isEmpty() ? Path.of(p.get("statussync.inbox-dir")).resolve(".leader") : Path.of(dir);
    }

    /** Host name and pid: unique among the instances of a group, and readable in a receipt. */
    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Reads required properties with an error message that names the setting. */
    private record Reader(PropertiesComponent properties) {

        /** Runs of a number and its unit: what a duration must look like before Camel's TimeUtils parses it. */
        private static final Pattern DURATION = Pattern.compile("(\\d+[a-zA-Z]*)+");

        String get(String key) {
            return properties.resolveProperty(key)
                    .orElseThrow(() -> new IllegalArgumentException("missing setting " + key));
        }

        String optional(String key, String otherwise) {
            return properties.resolveProperty(key).orElse(otherwise);
        }

        /** A setting that may be unset: trimmed, and blank counts as unset. */
        Optional<String> present(String key) {
            return properties.resolveProperty(key).map(String::trim).filter(value -> !value.isEmpty());
        }

        /** camel.server.{@code name}, written camelCase (as in config/) or kebab-case, as Camel Main takes both. */
        Optional<String> camelServer(String name) {
            String kebab = name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            return present("camel.server." + name).or(() -> present("camel.server." + kebab));
        }

        ServerSettings server() {
            return new ServerSettings(
                    camelServer("authenticationEnabled").map(Boolean::parseBoolean).orElse(false),
                    camelServer("authenticationRealm").orElse("Camel"),
                    camelServer("authenticationPath"),
                    camelServer("basicPropertiesFile"),
                    camelServer("jwtKeystoreType"),
                    camelServer("jwtKeystorePath"),
                    camelServer("jwtKeystorePassword"),
                    present("statussync.rest.jwt.issuer"),
                    present("statussync.rest.jwt.audience"),
                    present("statussync.rest.tls-terminated-upstream").map(Boolean::parseBoolean).orElse(false),
                    present("statussync.rest.tls.key-store-password-file"));
        }

        long getLong(String key) {
            try {
                return Long.parseLong(get(key).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number, was '" + get(key) + "'");
            }
        }

        int getInt(String key) {
            try {
                return Integer.parseInt(get(key).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number, was '" + get(key) + "'");
            }
        }

        /** statussync.isolation.max-extra-requests: auto (for batches of {@code batchSize}) or a number. */
        int getBudget(int batchSize) {
            String key = "statussync.isolation.max-extra-requests";
            String value = get(key).trim();
            if ("auto".equalsIgnoreCase(value)) {
                return BatchIsolation.budgetFor(batchSize, AUTO_REFUSED_IDS);
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be auto or a whole number, was '" + value + "'");
            }
        }

        boolean getBoolean(String key) {
            String value = get(key).trim();
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(key + " must be true or false, was '" + value + "'");
            }
            return Boolean.parseBoolean(value);
        }

        /** A duration as Camel writes them (500ms, 1s, 2m, 1h30m; a bare number is milliseconds). */
        Duration getDuration(String key) {
            String value = get(key).trim();
            try {
                // TimeUtils reads a value with no number in it ("often") as 0 ms instead of refusing it
                if (!DURATION.matcher(value).matches()) {
                    throw new IllegalArgumentException(value);
                }
                return Duration.ofMillis(TimeUtils.toMilliSeconds(value));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(key + " must be a duration such as 500ms, 1s or 2m, was '" + value + "'");
            }
        }

        /** statussync.transport: direct (the default) or kafka. */
        boolean getTransport() {
            String value = optional("statussync.transport", "direct").trim().toLowerCase(Locale.ROOT);
            return switch (value) {
                case "direct" -> false;
                case "kafka" -> true;
                default -> throw new IllegalArgumentException(
                        "statussync.transport must be direct or kafka, was '" + value + "'");
            };
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
