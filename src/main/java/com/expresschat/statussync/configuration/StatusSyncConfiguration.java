package com.expresschat.statussync.configuration;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.credentials.Secrets;
import com.expresschat.statussync.credentials.TokenSource;
import com.expresschat.statussync.delivery.AttemptLimits;
import com.expresschat.statussync.delivery.BatchSource;
import com.expresschat.statussync.delivery.DeliveryRecorder;
import com.expresschat.statussync.delivery.DryRun;
import com.expresschat.statussync.delivery.ExpressChatHttpClient;
import com.expresschat.statussync.delivery.StatusUpdateRequest;
import com.expresschat.statussync.failure.Backoff;
import com.expresschat.statussync.failure.BatchIsolation;
import com.expresschat.statussync.failure.DeadLetterRecorder;
import com.expresschat.statussync.failure.PartDelivery;
import com.expresschat.statussync.failure.FailureClassifier;
import com.expresschat.statussync.failure.RetryPolicy;
import com.expresschat.statussync.intake.FileIntake;
import com.expresschat.statussync.intake.InboxEntries;
import com.expresschat.statussync.intake.StuckEntries;
import com.expresschat.statussync.intake.UnusableEntries;
import com.expresschat.statussync.intake.rest.AsyncInbox;
import com.expresschat.statussync.intake.rest.HttpAnswer;
import com.expresschat.statussync.operations.StatusSyncMetrics;
import com.expresschat.statussync.outcome.BatchOutcomeFold;
import com.expresschat.statussync.outcome.InputCompletion;
import com.expresschat.statussync.outcome.InputLedgers;
import com.expresschat.statussync.pause.DeliveryGate;
import com.expresschat.statussync.pause.ExpressChatCircuit;
import com.expresschat.statussync.pause.ExpressChatProbe;
import com.expresschat.statussync.pause.IntakeGate;
import com.expresschat.statussync.pause.IntakePausePolicy;
import com.expresschat.statussync.simulator.ExpressChatSimulator;
import com.expresschat.statussync.storage.Folders;
import com.expresschat.statussync.storage.HeldInputs;
import com.expresschat.statussync.storage.StorageFaults;
import com.expresschat.statussync.validation.InputValidation;
import com.expresschat.statussync.validation.RowValidator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Wiring only: reads the settings, runs the {@link StartupChecks} and the {@link CrashRecovery} of an earlier run,
 * and binds the beans the routes refer to (by the names used in routes/*.camel.yaml).
 */
public class StatusSyncConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(StatusSyncConfiguration.class);
    private static final long STOP_WAIT_MILLIS = 1000;

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings settings = Settings.from(context.getPropertiesComponent());
        String profile = settings.expressChat().profile();
        Secrets secrets = new Secrets();
        TokenSource tokens = new TokenSource(settings.expressChat().token(), settings.expressChat().tokenFile(),
                secrets, System::nanoTime);
        StartupChecks.verify(context, profile, tokens, settings.rest(), secrets);

        Clock clock = Clock.systemUTC();
        ObjectMapper json = new ObjectMapper();
        Folders folders = new Folders(settings.inboxDir(), settings.doneDir(), settings.errorDir(),
                new StorageFaults(clock, settings.storage().retryInterval()), settings.storage().minFreeBytes());
        AsyncInbox asyncInbox = new AsyncInbox(folders, new HttpAnswer(json));
        CrashRecovery.run(folders, asyncInbox, settings.sharedInbox().enabled());
        RowValidator validator = new RowValidator(settings.idPattern(), settings.allowedStatuses(),
                settings.defaultStatus());
        FailureClassifier classifier = new FailureClassifier(clock, secrets);
        Backoff backoff = new Backoff(settings.initialDelay(), settings.backoffMultiplier(), settings.maxDelay(),
                () -> ThreadLocalRandom.current().nextDouble());

        IntakeGate gate = new IntakeGate(clock);
        Settings.Circuit circuitSettings = settings.circuit();
        ExpressChatCircuit circuit = new ExpressChatCircuit(circuitSettings.windowSize(),
                circuitSettings.minimumCalls(), circuitSettings.failureRateThreshold(),
                failure -> classifier.classify(failure).failureClass().retryable(), gate);

        String url = settings.expressChat().url();
        StuckEntries stuckEntries = new StuckEntries();
        StatusSyncMetrics metrics = Operations.bind(context, gate, folders, classifier, url, tokens,
                stuckEntries::names);

        Registry registry = context.getRegistry();
        registry.bind("folders", folders);
        registry.bind("heldInputs", new HeldInputs(folders));
        InboxEntries inboxEntries = new InboxEntries(folders.inbox());
        registry.bind("inboxEntries", inboxEntries);
        registry.bind("fileIntake", new FileIntake(new InboxEntries(folders.claims().folder()), folders));
        // one thread forces the claimed inputs' journals to disk, off the split's aggregation (see BackgroundForce)
        registry.bind("inputLedgers", new InputLedgers(folders, json, clock, settings.progressEveryBatches(),
                settings.progressEvery(), settings.journalFlushEveryBatches(),
                context.getExecutorServiceManager().newSingleThreadExecutor(this, "JournalForce")));
        registry.bind("batchOutcomeFold", new BatchOutcomeFold());
        registry.bind("inputValidation", new InputValidation(validator, settings.onInvalid()));
        registry.bind("batchSource", new BatchSource(validator, settings.batchSize()));
        registry.bind("statusUpdateRequest", new StatusUpdateRequest(json));
        registry.bind("deliveryRecorder", new DeliveryRecorder(circuit, clock, secrets));
        registry.bind("retryPolicy", new RetryPolicy(classifier, circuit, backoff, settings.maxRetries()));
        registry.bind("deadLetterRecorder", new DeadLetterRecorder(classifier, gate, clock));
        Settings.Isolation isolation = settings.isolation();
        registry.bind("batchIsolation", new BatchIsolation(isolation.enabled(), isolation.maxExtraRequests(),
                new PartDelivery(context.createProducerTemplate()), clock));
        registry.bind("intakeGate", gate);
        registry.bind("intakePause", new IntakePausePolicy(gate));
        registry.bind("deliveryGate", new DeliveryGate(gate, circuit, tokens, context::isStopping));
        registry.bind("expressChatProbe", new ExpressChatProbe(tokens, gate, circuit));
        InputCompletion completion = new InputCompletion(folders, json, clock, metrics::inputFinished);
        registry.bind("inputCompletion", completion);
        registry.bind("unusableEntries", new UnusableEntries(folders, completion::rejectUnread,
                settings.fileDrop().exclude(), settings.fileDrop().stableFor(), stuckEntries, clock));
        registry.bind("dryRun", new DryRun(clock));
        // a graceful stop that times out (camel.main.shutdown-timeout) interrupts batches still waiting for a retry
        // after a second, not after the executor service manager's default 10 s per pool: their inputs go
        // back to the inbox and resume from their journals, and the stop honours its timeout (ShutdownIT)
        context.getExecutorServiceManager().setShutdownAwaitTermination(STOP_WAIT_MILLIS);
        registry.bind("expressChatHttpClient", new ExpressChatHttpClient(new AttemptLimits(settings.attemptDeadline(),
                AttemptLimits.MAX_BODY_BYTES,
                context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "attempt-deadline"))));
        if ("dev".equals(profile)) {
            // the simulator's route is loaded in dev only (routes/dev/)
            registry.bind("expressChatSimulator", new ExpressChatSimulator(tokens));
        }
        RestIntakeConfiguration.configure(context, profile, settings.rest(), folders, gate, asyncInbox, json,
                metrics::loginFailed, clock);
        KafkaTransportConfiguration.configure(context, settings, folders, json, clock, gate);
        SharedInboxConfiguration.configure(context, settings, folders, asyncInbox);

        LOG.info("express-chat-status-sync: profile={} endpoint={} inbox={} done={} error={} batchSize={} "
                 + "concurrency={} maxRetries={} isolation={} (max {} extra requests per batch) onInvalid={} dryRun={} "
                 + "token from {}",
                profile, endpointHost(url), folders.inbox(), folders.done(), folders.error(),
                settings.batchSize(), settings.concurrency(), settings.maxRetries(), isolation.enabled(),
                isolation.maxExtraRequests(), settings.onInvalid(),
                settings.dryRun(), tokens.describe());
    }

    private static String endpointHost(String url) {
        return url.replaceFirst("^(\\w+://[^/?#]+).*", "$1");
    }
}
