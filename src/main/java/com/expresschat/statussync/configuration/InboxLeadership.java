package com.expresschat.statussync.configuration;

import java.nio.file.Path;

import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.intake.rest.AsyncInbox;
import com.expresschat.statussync.storage.Folders;

/**
 * With statussync.file.shared-inbox=true: the instance that takes the lead of the shared inbox first recovers what
 * the previous leader left (its claimed inputs go back into the inbox and resume from their journals; see
 * {@link CrashRecovery}), since only the leader may touch the claim folder: an instance that merely starts must not
 * take the running leader's claims. This listener runs on the view's own thread as the lock is taken, before the
 * master: consumers start their file consumers (camel-master starts them a second later, and the file consumer
 * waits statussync.file.initial-delay more).
 */
final class InboxLeadership implements CamelClusterEventListener.Leadership {

    private static final Logger LOG = LoggerFactory.getLogger(InboxLeadership.class);

    private final Folders folders;
    private final AsyncInbox asyncInbox;
    private final Path lockFolder;
    private volatile boolean leader;

    InboxLeadership(Folders folders, AsyncInbox asyncInbox, Path lockFolder) {
        this.folders = folders;
        this.asyncInbox = asyncInbox;
        this.lockFolder = lockFolder;
    }

    /** Whether this instance takes the shared inbox's files now. */
    boolean isLeader() {
        return leader;
    }

    @Override
    public void leadershipChanged(CamelClusterView view, CamelClusterMember newLeader) {
        boolean now = view.getLocalMember().isLeader();
        if (now && !leader) {
            LOG.info("This instance leads the shared inbox {} now (lock in {}): it takes its files", folders.inbox(),
                    lockFolder);
            try {
                CrashRecovery.recoverSharedInbox(folders, asyncInbox);
            } catch (Exception e) {
                // the claimed inputs stay where they are, nothing is lost: they are put back at the next take-over
                LOG.error("Could not put back the inputs the previous leader left claimed in {}: {}",
                        folders.claims().folder(), e.toString());
            }
        } else if (!now && leader) {
            LOG.warn("This instance no longer leads the shared inbox {}: another instance takes its files",
                    folders.inbox());
        }
        leader = now;
    }
}
