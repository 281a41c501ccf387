package com.expresschat.statussync.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inputs a storage fault stopped while they were processed (§5: held, not looped). They wait claimed, with their
 * journals, in {@code .claimed/.held/} ({@link Claims#held}), and are offered again once the hold is over and the
 * folders pass the check: so at most once per statussync.storage.retry-interval, since an input that meets the fault
 * again records it again and is held for another interval. Offering one puts it back into the inbox under its own
 * name, where the file consumer claims it again at its next poll; it resumes where its journal ends, so what was
 * delivered or dead-lettered is not sent again.
 */
public class HeldInputs {

    private static final Logger LOG = LoggerFactory.getLogger(HeldInputs.class);

    private final Folders folders;

    public HeldInputs(Folders folders) {
        this.folders = folders;
    }

    /** Offers the held inputs again if storage takes files; returns how many were offered (the held-inputs route). */
    public int offerAgain() throws IOException {
        Claims claims = folders.claims();
        List<Path> held = claims.inputsIn(claims.held());
        if (held.isEmpty() || !folders.admitsInputs()) {
            return 0;
        }
        int offered = 0;
        for (Path file : held) {
            Path back = folders.inbox().resolve(file.getFileName());
            // a newer file of that name waits in the inbox: this one is offered once that one is taken
            if (Files.exists(back, LinkOption.NOFOLLOW_LINKS) || Files.exists(AtomicFiles.partOf(back))) {
                continue;
            }
            try {
                claims.putBack(file, back);
            } catch (FileAlreadyExistsException dropped) {
                continue;
            }
            offered++;
            LOG.info("Input {} was held by a storage fault; storage takes files again: it is taken again and resumes "
                     + "where its journal ends", file.getFileName());
        }
        return offered;
    }
}
