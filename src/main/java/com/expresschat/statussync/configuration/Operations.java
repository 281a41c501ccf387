package com.expresschat.statussync.configuration;

import java.util.List;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;

import com.expresschat.statussync.credentials.TokenSource;
import com.expresschat.statussync.failure.FailureClassifier;
import com.expresschat.statussync.operations.CamelMeterConventions;
import com.expresschat.statussync.operations.ExpressChatCallMetrics;
import com.expresschat.statussync.operations.IntakeReadinessCheck;
import com.expresschat.statussync.operations.StatusSyncMetrics;
import com.expresschat.statussync.pause.IntakeGate;
import com.expresschat.statussync.storage.Folders;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Wires health and metrics: what an operator reads on /observe/health and /observe/metrics. */
public final class Operations {

    private Operations() {
    }

    /**
     * Registers the readiness check and the product's metrics, in the Prometheus registry camel-micrometer-prometheus
     * serves (made here and bound under the name it looks for, if it has not made it yet), so that Camel's
     * metrics and ours are served together, all with help text and snake_case labels ({@link CamelMeterConventions}).
     */
    public static StatusSyncMetrics bind(CamelContext context, IntakeGate gate, Folders folders,
            FailureClassifier classifier, String expressChatUrl, TokenSource tokens,
            Supplier<List<String>> stuckEntries) {
        MeterRegistry registry = context.getRegistry()
                .lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        if (registry == null) {
            registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            context.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, registry);
        }
        // before Camel registers its meters at start-up: a filter applies only to meters registered after it
        registry.config().meterFilter(new CamelMeterConventions());
        StatusSyncMetrics metrics = new StatusSyncMetrics(registry, context, gate, folders.inbox(), stuckEntries);
        metrics.storageFaults(folders.faults()::present);
        context.getManagementStrategy().addEventNotifier(new ExpressChatCallMetrics(metrics, classifier, expressChatUrl));
        context.getRegistry().bind("intakeReadinessCheck", new IntakeReadinessCheck(gate, folders, tokens, stuckEntries));
        return metrics;
    }
}
