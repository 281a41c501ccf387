package com.expresschat.statussync.intake;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The inbox entries that could be neither taken nor moved to error/ ({@link UnusableEntries}): left alone until a
 * restart, and shown by readiness and a metric so that an operator learns of them.
 */
public final class StuckEntries {

    private final Set<Path> entries = ConcurrentHashMap.newKeySet();

    void add(Path entry) {
        entries.add(entry);
    }

    boolean contains(Path entry) {
        return entries.contains(entry);
    }

    /** Forgets the entries that are gone from the inbox. */
    void retainAll(Set<Path> present) {
        entries.retainAll(present);
    }

    /** Their names, printable (see {@link FileNames#printable}), sorted. */
    public List<String> names() {
        return entries.stream().map(FileNames::printable).sorted().toList();
    }
}
