package com.expresschat.statussync.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;

import com.expresschat.statussync.model.BatchRecord;
import com.expresschat.statussync.model.ExchangeKeys;
import com.expresschat.statussync.model.FailureClass;
import com.expresschat.statussync.model.IsolationRecord;
import com.expresschat.statussync.model.Receipt;
import com.expresschat.statussync.pause.IntakeGate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The product's own Prometheus metrics (served on /observe/metrics beside Camel's). Names and labels are
 * listed in docs/operations.md.
 */
public class StatusSyncMetrics {

    static final String NONE = "none";

    private final MeterRegistry registry;
    private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();

    public StatusSyncMetrics(MeterRegistry registry, CamelContext context, IntakeGate gate, Path inbox,
            Supplier<List<String>> stuckEntries) {
        this.registry = registry;
        Gauge.builder("statussync_batches_in_flight", () -> context.getInflightRepository().size(ExchangeKeys.DELIVER_BATCH_ROUTE))
                .description("Batches being delivered, including those waiting for a retry")
                .register(registry);
        Gauge.builder("statussync_inbox_files", () -> countInputs(inbox))
                .description("Files waiting in the inbox")
                .register(registry);
        Gauge.builder("statussync_inbox_entries_stuck", () -> stuckEntries.get().size())
                .description("Inbox entries that could be neither taken nor moved to error/ (see readiness)")
                .register(registry);
        Gauge.builder("statussync_intake_paused", () -> gate.isPaused() ? 1 : 0)
                .description("1 while intake is paused (express-chat failing or token refused)")
                .register(registry);
    }

    /** 1 while a storage fault holds inputs (done/, error/ or the claim folder cannot take files; see readiness). */
    public void storageFaults(BooleanSupplier present) {
        Gauge.builder("statussync_storage_unusable", () -> present.getAsBoolean() ? 1 : 0)
                .description("1 while done/, error/ or the claim folder cannot take files: inputs are held "
                             + "(see readiness)")
                .register(registry);
    }

    /** Counts a finished input: by outcome, its IDs and batches by result (summed first: one update per label). */
    public void inputFinished(Receipt receipt) {
        counter("statussync_inputs_total", "Inputs finished, by outcome", "outcome", receipt.outcome().name())
                .increment();
        Map<String, Long> idsByClass = new HashMap<>();
        Map<String, Long> batchesByResult = new HashMap<>();
        for (BatchRecord batch : receipt.batches()) {
            IsolationRecord isolation = batch.isolation();
            if (isolation == null) {
                idsByClass.merge(batch.delivered() ? NONE : batch.result(), (long) batch.ids(), Long::sum);
            } else {
                idsByClass.merge(NONE, (long) isolation.delivered(), Long::sum);
                idsByClass.merge(FailureClass.REJECTED.name(), (long) isolation.refused().size(), Long::sum);
                isolation.notIsolated().forEach(part ->
                        idsByClass.merge(part.result(), (long) part.ids().size(), Long::sum));
            }
            batchesByResult.merge(batch.result(), 1L, Long::sum);
        }
        idsByClass.forEach(this::ids);
        batchesByResult.forEach((result, count) ->
                counter("statussync_batches_total", "Batches by result", "result", result).increment(count));
    }

    /** Counts IDs delivered ({@code failureClass} "none") or dead-lettered with that class. */
    private void ids(String failureClass, long count) {
        if (count == 0) {
            return;
        }
        Counter.builder("statussync_ids_total")
                .description("User IDs by what became of them")
                .tag("result", NONE.equals(failureClass) ? "delivered" : "dead_lettered")
                .tag("failure_class", failureClass)
                .register(registry).increment(count);
    }

    /** Counts a PUT of a part of a REJECTED batch, made to isolate the IDs express-chat refuses. */
    public void isolationRequest() {
        Counter.builder("statussync_isolation_requests_total")
                .description("PUTs made to isolate the IDs express-chat refuses in REJECTED batches (their parts, "
                             + "bisected; retries not included)")
                .register(registry).increment();
    }

    /** Times one PUT to express-chat; {@code status} is the HTTP status or "error" when there was no answer. */
    public void requestDone(String status, Duration took) {
        requestTimers.computeIfAbsent(status, this::requestTimer).record(took);
    }

    // one per status: registering through the builder on every PUT showed in the per-batch profile
    private Timer requestTimer(String status) {
        return Timer.builder("statussync_express_chat_request")
                .description("PUTs to express-chat by HTTP status")
                .tag("status", status)
                .publishPercentileHistogram()
                .register(registry);
    }

    /** Counts a retry of a batch, by the class of the failure that caused it. */
    public void retried(String failureClass) {
        counter("statussync_retries_total", "Retries of batches, by failure class", "failure_class", failureClass)
                .increment();
    }

    /** Counts a request to the REST API that authentication answered 401, by reason: "refused" or "missing" credentials. */
    public void loginFailed(String reason) {
        counter("statussync_rest_auth_failures_total", "REST API requests refused by authentication (401), by reason",
                "reason", reason).increment();
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, value).register(registry);
    }

    private static long countInputs(Path inbox) {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
