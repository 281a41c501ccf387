package com.expresschat.statussync.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets at rest: the prod profile refuses to start when a secret file (the express-chat token file, the REST
 * users file) can be read or written by other users than the service's, as ssh does with private keys. The message
 * names the file and the fix. A file system without POSIX permissions cannot be checked: that is logged, not refused.
 */
public final class SecretFileCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SecretFileCheck.class);
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private SecretFileCheck() {
    }

    /** Throws when group or other users may read or write the file (symbolic links are followed to the file). */
    public static void requirePrivate(Path file, String what) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            LOG.warn("The {} {} is on a file system without POSIX permissions: make sure only the service can read it",
                    what, file);
            return;
        } catch (IOException e) {
            return; // missing or unreadable: the checks of the file's content say so
        }
        Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        open.addAll(permissions);
        open.retainAll(OTHERS);
        if (!open.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start: the " + what + " " + file.toAbsolutePath()
                    + " is accessible to other users (" + PosixFilePermissions.toString(permissions) + "); make it "
                    + "private to the service's user: chmod 600 " + file.toAbsolutePath());
        }
    }
}
