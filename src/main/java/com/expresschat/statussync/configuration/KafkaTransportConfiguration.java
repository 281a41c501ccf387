package com.expresschat.statussync.configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.delivery.BatchDelivery;
import com.expresschat.statussync.intake.KafkaRequests;
import com.expresschat.statussync.outcome.InputCompletion;
import com.expresschat.statussync.outcome.InputLedgers;
import com.expresschat.statussync.pause.IntakeGate;
import com.expresschat.statussync.pause.IntakePausePolicy;
import com.expresschat.statussync.storage.Folders;
import com.expresschat.statussync.transport.BatchPublishing;
import com.expresschat.statussync.transport.BatchWorker;
import com.expresschat.statussync.transport.BrokerAdmin;
import com.expresschat.statussync.transport.BrokerReadinessCheck;
import com.expresschat.statussync.transport.CollectorJournals;
import com.expresschat.statussync.transport.ConsumerLag;
import com.expresschat.statussync.transport.KafkaCommit;
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
    static final List<String> TRANSPORT_ROUTES = List.of("kafka-outcome-collector", "kafka-batch-worker",
            "publish-batches");
    /** The Kafka intake's route (routes/kafka-intake.camel.yaml). */
    static final String REQUESTS_ROUTE = "kafka-requests";
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
        MeterRegistry meters = registry.lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME,
                MeterRegistry.class);
        TransportMetrics metrics = new TransportMetrics(meters);
        CollectorJournals journals = new CollectorJournals(transport.journalDir(), json);
        registry.bind("batchPublishing", new BatchPublishing(transport.kafka(), settings.dryRun(), folders, clock,
                metrics, json));
        registry.bind("publishedBatchCount", new PublishedBatchCount());
        registry.bind("batchWorker", new BatchWorker(transport.instanceId(), metrics));
        registry.bind("kafkaCommit", new KafkaCommit());
        registry.bind("kafkaRequests", new KafkaRequests(folders));
        registry.bind("batchDelivery", new BatchDelivery(context.createProducerTemplate()));
        registry.bind("outcomeCollector", new OutcomeCollector(journals,
                registry.lookupByNameAndType("inputLedgers", InputLedgers.class),
                registry.lookupByNameAndType("inputCompletion", InputCompletion.class), folders, metrics));
        // the worker's and the Kafka intake's consumers are suspended while intake is paused, as the file intake's is
        registry.bind("deliveryPause", new IntakePausePolicy(gate));
        registry.bind("requestsPause", new IntakePausePolicy(gate));
        var properties = context.getPropertiesComponent();
        boolean requests = Boolean.parseBoolean(
                properties.resolveProperty("statussync.kafka.requests-enabled").orElse("false").trim());
        List<String> routes = new ArrayList<>();
        if (transport.kafka()) {
            journals.prepare(KEEP_COMPLETED, clock);
            routes.addAll(TRANSPORT_ROUTES);
            LOG.info("Transport kafka: instance {} brokers {} batches topic {} outcomes topic {} group {} journal {}",
                    transport.instanceId(), properties.resolveProperty("statussync.kafka.bootstrap-servers").orElse("?"),
                    properties.resolveProperty("statussync.kafka.batches-topic").orElse("?"),
                    properties.resolveProperty("statussync.kafka.outcomes-topic").orElse("?"),
                    properties.resolveProperty("statussync.kafka.group-id").orElse("?"), transport.journalDir());
        }
        if (requests) {
            routes.add(REQUESTS_ROUTE);
            LOG.info("Kafka intake: records of {} are inputs",
                    properties.resolveProperty("statussync.kafka.requests-topic").orElse("?"));
        }
        if (routes.isEmpty()) {
            return;
        }
        // readiness names an unreachable broker and shows the lag (closed with the context, as bound AutoCloseable
        // beans are)
        BrokerAdmin admin = new BrokerAdmin(properties.resolveProperty("statussync.kafka.bootstrap-servers").orElse(""));
        registry.bind("kafkaBrokerAdmin", admin);
        ConsumerLag lag = new ConsumerLag(admin, watchedGroups(properties, transport.kafka(), requests), clock,
                meters);
        registry.bind("kafkaConsumerLag", lag);
        registry.bind("kafkaBrokerReadinessCheck", new BrokerReadinessCheck(admin, lag));
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                // the routes are not started yet
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) throws Exception {
                for (String route : routes) {
                    started.getRouteController().startRoute(route);
                }
                lag.schedule(started.getExecutorServiceManager().newSingleThreadScheduledExecutor(lag,
                        "kafka-consumer-lag"), transport.lagInterval());
            }
        });
    }

    /** The consumer groups whose lag is watched: the workers' and the collectors' (Kafka transport), the intake's. */
    private static List<ConsumerLag.Watched> watchedGroups(PropertiesComponent properties, boolean kafka,
            boolean requests) {
        List<ConsumerLag.Watched> watched = new ArrayList<>();
        if (kafka) {
            watched.add(watched(properties, "statussync.kafka.group-id", "statussync.kafka.batches-topic"));
            watched.add(watched(properties, "statussync.kafka.collector-group-id", "statussync.kafka.outcomes-topic"));
        }
        if (requests) {
            watched.add(watched(properties, "statussync.kafka.requests-group-id", "statussync.kafka.requests-topic"));
        }
        return watched;
    }

    private static ConsumerLag.Watched watched(PropertiesComponent properties, String group, String topic) {
        return new ConsumerLag.Watched(properties.resolveProperty(group).orElseThrow().trim(),
                properties.resolveProperty(topic).orElseThrow().trim());
    }
}
