package com.expresschat.statussync.storage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * done/, error/ or the claim folder cannot take files (missing, not a folder, not writable, disk full, less free
 * space than statussync.storage.min-free-space). An IOException, so that it travels the paths a failed write takes.
 */
public class FolderUnusableException extends IOException {

    private final transient Path folder;

    public FolderUnusableException(Path folder, Exception cause) {
        super(folder + " cannot take files (" + cause + "); inputs are held until it can", cause);
        this.folder = folder;
    }

    /** The folder that cannot take files. */
    public Path folder() {
        return folder;
    }
}
