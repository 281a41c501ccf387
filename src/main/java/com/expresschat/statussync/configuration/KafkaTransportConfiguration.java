package com.expresschat.statussync.configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.delivery.BatchDelivery;
import com.expresschat.statussync.outcome.InputCompletion;
import com.expresschat.statussync.outcome.InputLedgers;
import com.expresschat.statussync.pause.IntakeGate;
import com.expresschat.statussync.pause.IntakePausePolicy;
import com.expresschat.statussync.storage.Folders;
import com.expresschat.statussync.transport.BatchPublishing;
import com.expresschat.statussync.transport.BatchWorker;
import com.expresschat.statussync.transport.InputJournal;
import com.expresschat.statussync.transport.OutcomeCollector;
import com.expresschat.statussync.transport.PublishedBatchCount;
import com.expresschat.statussync.transport.TransportMetrics;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Wires statussync.transport (routes/kafka-transport.camel.yaml): binds the beans of its routes whatever the transport
 * (process-input asks batchPublishing which way an input goes), and with {@code kafka} prepares the journal folder and
 * starts the Kafka routes (they do not start on their own, so that a single process never connects to a broker).
 */
final class KafkaTransportConfiguration {

    /** The routes of routes/kafka-transport.camel.yaml, in the order they are started: collectors first. */
    static final List<String> ROUTES = List.of("kafka-outcome-collector", "kafka-batch-worker", "publish-batches");
    /** How long a completed input's marker is kept (late duplicates of its outcomes are recognised meanwhile). */
    static final Duration KEEP_COMPLETED = Duration.ofDays(7);

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTransportConfiguration.class);

    private KafkaTransportConfiguration() {
    }

    /** After StatusSyncConfiguration has bound inputLedgers, inputCompletion and the metrics registry. */
    static void configure(CamelContext context, Settings settings, Folders folders, ObjectMapper json, Clock clock,
            IntakeGate gate) throws Exception {
        Settings.Transport transport = settings.transport();
        Registry registry = context.getRegistry();
        TransportMetrics metrics = new TransportMetrics(registry.lookupByNameAndType(
                MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class));
        InputJournal journal = new InputJournal(transport.journalDir(), json);
        registry.bind("batchPublishing", new BatchPublishing(transport.kafka(), settings.dryRun(), folders, clock,
                metrics));
        registry.bind("publishedBatchCount", new PublishedBatchCount());
        registry.bind("batchWorker", new BatchWorker(transport.instanceId(), metrics));
        registry.bind("batchDelivery", new BatchDelivery(context.createProducerTemplate()));
        registry.bind("outcomeCollector", new OutcomeCollector(journal,
                registry.lookupByNameAndType("inputLedgers", InputLedgers.class),
                registry.lookupByNameAndType("inputCompletion", InputCompletion.class), folders, metrics));
        // the worker's consumer is suspended while intake is paused, as the file intake's is
        registry.bind("deliveryPause", new IntakePausePolicy(gate));
        if (!transport.kafka()) {
            return;
        }
        journal.prepare(KEEP_COMPLETED, clock);
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                // the routes are not started yet
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) throws Exception {
                for (String route : ROUTES) {
                    started.getRouteController().startRoute(route);
                }
            }
        });
        var properties = context.getPropertiesComponent();
        LOG.info("Transport kafka: instance {} brokers {} batches topic {} outcomes topic {} group {} journal {}",
                transport.instanceId(), properties.resolveProperty("statussync.kafka.bootstrap-servers").orElse("?"),
                properties.resolveProperty("statussync.kafka.batches-topic").orElse("?"),
                properties.resolveProperty("statussync.kafka.outcomes-topic").orElse("?"),
                properties.resolveProperty("statussync.kafka.group-id").orElse("?"), transport.journalDir());
    }
}
