package com.expresschat.statussync.configuration;

import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.intake.rest.AsyncInbox;
import com.expresschat.statussync.storage.Folders;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * statussync.file.shared-inbox (docs/scaling.md, "A shared inbox"): the routes that take from the inbox
 * (routes/file-intake.camel.yaml) start their consumers as {@code {{statussync.file.leader-only}}file:...}, which this
 * sets to nothing (this instance owns its inbox) or to {@code master:statussync-inbox:} (active/passive: only the
 * instance holding the lock of camel-file's FileLockClusterService takes files). camel-main 4.18 has no
 * camel.cluster.file.* settings, so the service is declared here.
 */
final class SharedInboxConfiguration {

    /** The cluster namespace: the lock file's name in statussync.file.leader-dir. */
    static final String NAMESPACE = "statussync-inbox";
    /** The prefix of the inbox routes' consumers (not a setting: derived from statussync.file.shared-inbox). */
    static final String LEADER_ONLY = "statussync.file.leader-only";

    private static final Logger LOG = LoggerFactory.getLogger(SharedInboxConfiguration.class);

    private SharedInboxConfiguration() {
    }

    static void configure(CamelContext context, Settings settings, Folders folders, AsyncInbox asyncInbox)
            throws Exception {
        Settings.SharedInbox shared = settings.sharedInbox();
        if (!shared.enabled()) {
            context.getPropertiesComponent().addOverrideProperty(LEADER_ONLY, "");
            return;
        }
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(settings.transport().instanceId());
        cluster.setRoot(shared.leaderDir().toString());
        cluster.setAcquireLockInterval(shared.checkInterval().toMillis(), TimeUnit.MILLISECONDS);
        cluster.setHeartbeatTimeoutMultiplier(shared.staleAfterChecks());
        // started before the routes and stopped after them: a stopping leader releases the lock last
        context.addService(cluster, true, true);
        InboxLeadership leadership = new InboxLeadership(folders, asyncInbox, shared.leaderDir());
        // this view is the one the master: consumers use (one per namespace); listened to before they start
        CamelClusterView view = cluster.getView(NAMESPACE);
        view.addEventListener(leadership);
        context.getPropertiesComponent().addOverrideProperty(LEADER_ONLY, "master:" + NAMESPACE + ":");
        Gauge.builder("statussync_inbox_leader", () -> leadership.isLeader() ? 1 : 0)
                .description("1 while this instance takes the files of the shared inbox (statussync.file.shared-inbox)")
                .register(context.getRegistry().lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME,
                        MeterRegistry.class));
        LOG.info("Shared inbox {}: files are taken by the instance holding the lock {} (instance {}, heartbeat every "
                 + "{} ms, taken over after {} missed)", folders.inbox(), shared.leaderDir().resolve(NAMESPACE),
                settings.transport().instanceId(), shared.checkInterval().toMillis(), shared.staleAfterChecks());
    }
}
