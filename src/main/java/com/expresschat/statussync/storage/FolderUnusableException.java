package com.expresschat.statussync.storage;

import java.nio.file.Path;

/** done/ or error/ cannot take files (missing, not a folder, not writable, disk full). */
public class FolderUnusableException extends Exception {

    public FolderUnusableException(Path folder, Exception cause) {
        super(folder + " cannot take files (" + cause + "); inputs stay in the inbox until it can", cause);
    }
}
