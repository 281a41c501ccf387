package com.expresschat.statussync;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.delivery.AttemptLimits;
import com.expresschat.statussync.delivery.BatchSource;
import com.expresschat.statussync.delivery.DeliveryPool;
import com.expresschat.statussync.delivery.DeliveryRecorder;
import com.expresschat.statussync.delivery.DryRunRecorder;
import com.expresschat.statussync.delivery.ExpressChatHttpClient;
import com.expresschat.statussync.delivery.StatusUpdateRequest;
import com.expresschat.statussync.delivery.TokenSource;
import com.expresschat.statussync.failure.Backoff;
import com.expresschat.statussync.failure.DeadLetterRecorder;
import com.expresschat.statussync.failure.DeliveryGate;
import com.expresschat.statussync.failure.ExpressChatCircuit;
import com.expresschat.statussync.failure.ExpressChatProbe;
import com.expresschat.statussync.failure.FailureClassifier;
import com.expresschat.statussync.failure.IntakeGate;
import com.expresschat.statussync.failure.RetryPolicy;
import com.expresschat.statussync.intake.FileIntake;
import com.expresschat.statussync.intake.InboxEntries;
import com.expresschat.statussync.intake.rest.RestIntakeConfiguration;
import com.expresschat.statussync.outcome.Folders;
import com.expresschat.statussync.outcome.InputAccounting;
import com.expresschat.statussync.operations.Operations;
import com.expresschat.statussync.operations.StatusSyncMetrics;
import com.expresschat.statussync.outcome.InputCompletion;
import com.expresschat.statussync.outcome.UnusableEntries;
import com.expresschat.statussync.simulator.ExpressChatSimulator;
import com.expresschat.statussync.validation.InputValidation;
import com.expresschat.statussync.validation.RowValidator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds the beans the routes refer to (by the names used in routes/*.camel.yaml) from the settings,
 * and refuses to start on settings that cannot work (bad values, prod without a token, an open REST intake).
 */
public class StatusSyncConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(StatusSyncConfiguration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        Settings settings = Settings.from(properties);
        String profile = properties.resolveProperty("camel.main.profile").orElse("none");
        Secrets secrets = new Secrets();
        TokenSource tokens = new TokenSource(
                properties.resolveProperty("statussync.express-chat.token").orElse(""),
                properties.resolveProperty("statussync.express-chat.token-file").orElse(""), secrets, System::nanoTime);
        if ("prod".equals(profile) && !tokens.isConfigured()) {
            throw new IllegalStateException("The prod profile needs the express-chat token: set EXPRESS_CHAT_TOKEN "
                                            + "or EXPRESS_CHAT_TOKEN_FILE (or statussync.express-chat.token); a token "
                                            + "file must be readable and not empty (" + tokens.problem() + ")");
        }
        if ("prod".equals(profile) && tokens.file() != null) {
            SecretFileCheck.requirePrivate(tokens.file(), "express-chat token file (EXPRESS_CHAT_TOKEN_FILE)");
        }

        Clock clock = Clock.systemUTC();
        ObjectMapper json = new ObjectMapper();
        Folders folders = new Folders(settings.inboxDir(), settings.doneDir(), settings.errorDir());
        folders.prepare();
        RowValidator validator = new RowValidator(settings.idPattern(), settings.allowedStatuses(),
                settings.defaultStatus());
        FailureClassifier classifier = new FailureClassifier(clock, secrets);
        Backoff backoff = new Backoff(settings.initialDelay(), settings.backoffMultiplier(), settings.maxDelay(),
                () -> ThreadLocalRandom.current().nextDouble());

        IntakeGate gate = new IntakeGate(context, List.of("file-intake"),
                context.getExecutorServiceManager().newSingleThreadExecutor(this, "intake-control"), clock);
        Settings.Circuit circuitSettings = settings.circuit();
        ExpressChatCircuit circuit = new ExpressChatCircuit(circuitSettings.windowSize(),
                circuitSettings.minimumCalls(), circuitSettings.failureRateThreshold(), classifier, gate);

        String url = properties.resolveProperty("statussync.express-chat.url").orElse("");
        StatusSyncMetrics metrics = Operations.bind(context, gate, folders, classifier, url, tokens,
                () -> context.getRegistry().lookupByNameAndType("unusableEntries", UnusableEntries.class).stuck());

        Registry registry = context.getRegistry();
        registry.bind("folders", folders);
        registry.bind("tokenSource", tokens);
        InboxEntries inboxEntries = new InboxEntries(folders.inbox());
        registry.bind("inboxEntries", inboxEntries);
        registry.bind("fileIntake", new FileIntake(inboxEntries));
        registry.bind("inputAccounting", new InputAccounting(folders, json, clock, settings.progressEveryBatches(),
                settings.progressEvery()));
        registry.bind("inputValidation", new InputValidation(validator, settings.onInvalid()));
        registry.bind("batchSource", new BatchSource(validator, settings.batchSize()));
        registry.bind("statusUpdateRequest", new StatusUpdateRequest(json));
        registry.bind("deliveryRecorder", new DeliveryRecorder(circuit, classifier));
        registry.bind("retryPolicy", new RetryPolicy(classifier, circuit, backoff, settings.maxRetries()));
        registry.bind("deadLetterRecorder", new DeadLetterRecorder(classifier, gate, clock));
        registry.bind("intakeGate", gate);
        registry.bind("deliveryGate", new DeliveryGate(gate, circuit, tokens));
        registry.bind("expressChatCircuit", circuit);
        registry.bind("expressChatProbe", new ExpressChatProbe(tokens, gate, circuit));
        InputCompletion completion = new InputCompletion(folders, json, clock, metrics::inputFinished);
        registry.bind("inputCompletion", completion);
        registry.bind("unusableEntries", new UnusableEntries(folders, completion,
                properties.resolveProperty("statussync.file.exclude").orElse(""), settings.stableFor(), clock));
        registry.bind("dryRunRecorder", new DryRunRecorder());
        registry.bind("deliveryPool", DeliveryPool.create(context, settings.concurrency()));
        registry.bind("expressChatHttpClient", new ExpressChatHttpClient(new AttemptLimits(settings.attemptDeadline(),
                AttemptLimits.MAX_BODY_BYTES,
                context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "attempt-deadline"))));
        registry.bind("expressChatSimulator", new ExpressChatSimulator(tokens));
        RestIntakeConfiguration.configure(context, profile, folders, gate, json, secrets);

        LOG.info("express-chat-status-sync: profile={} endpoint={} inbox={} done={} error={} batchSize={} "
                 + "concurrency={} maxRetries={} onInvalid={} dryRun={} token from {}",
                profile, endpointHost(url), folders.inbox(), folders.done(), folders.error(),
                settings.batchSize(), settings.concurrency(), settings.maxRetries(), settings.onInvalid(),
                settings.dryRun(), tokens.describe());
    }

    private static String endpointHost(String url) {
        return url.replaceFirst("^(\\w+://[^/?#]+).*", "$1");
    }
}
