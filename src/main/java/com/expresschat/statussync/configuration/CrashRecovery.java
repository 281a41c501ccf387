package com.expresschat.statussync.configuration;

import java.io.IOException;

import com.expresschat.statussync.intake.rest.AsyncInbox;
import com.expresschat.statussync.storage.Folders;

/**
 * What a start does about an earlier run that ended at any moment (§5, kill -9 included): the folders exist, and
 * nothing half-written is left looking complete: part files in done/ and error/ (receipts, dead letters, spilled
 * batch records) and REST bodies whose storing was interrupted (never accepted) are removed. Inputs left in the
 * inbox are simply processed again; inputs left claimed (in the inbox's .claimed/ folder) are put back into the inbox
 * and resume where their journal ends (storage.Claims), never forgotten.
 */
final class CrashRecovery {

    private CrashRecovery() {
    }

    static void run(Folders folders, AsyncInbox asyncInbox) throws IOException {
        folders.prepare();
        folders.claims().putBackUnfinished(folders);
        asyncInbox.removeUnfinished();
    }
}
