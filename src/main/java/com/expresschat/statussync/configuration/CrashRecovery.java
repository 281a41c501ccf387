package com.expresschat.statussync.configuration;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import com.expresschat.statussync.intake.rest.AsyncInbox;
import com.expresschat.statussync.storage.Folders;

/**
 * What a start does about an earlier run that ended at any moment (§5, kill -9 included): the folders exist, and
 * nothing half-written is left looking complete: part files in done/ and error/ (receipts, dead letters, spilled
 * batch records) and REST bodies whose storing was interrupted (never accepted) are removed. Inputs left in the
 * inbox are simply processed again; inputs left claimed (in the inbox's .claimed/ folder) are put back into the inbox
 * and resume where their journal ends (storage.Claims), never forgotten.
 * With a shared inbox (statussync.file.shared-inbox) the inbox's leftovers belong to the instance that led it: they
 * are recovered by the instance that takes the lead ({@link InboxLeadership}), not by every instance that starts.
 */
final class CrashRecovery {

    private CrashRecovery() {
    }

    /** A REST body part file older than this was left by a crash (storing one takes well under a second). */
    static final Duration SHARED_PART_AGE = Duration.ofMinutes(1);

    static void run(Folders folders, AsyncInbox asyncInbox, boolean sharedInbox) throws IOException {
        folders.prepare();
        if (!sharedInbox) {
            folders.claims().putBackUnfinished(folders);
            asyncInbox.removeUnfinished();
        }
    }

    /**
     * As this instance takes the lead of a shared inbox: the previous leader's claimed inputs go back into the inbox;
     * REST bodies another instance may still be storing are left alone.
     */
    static void recoverSharedInbox(Folders folders, AsyncInbox asyncInbox) throws IOException {
        folders.claims().putBackUnfinished(folders);
        asyncInbox.removeUnfinishedBefore(Instant.now().minus(SHARED_PART_AGE));
    }
}
