package com.expresschat.statussync.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.expresschat.statussync.model.InputRejectedException;

/**
 * Where the id, subscriber ID and status are in a CSV header. Names are matched trimmed and
 * case-insensitively; other columns (names, e-mails, ...) are ignored.
 *
 * @param count how many columns the header has; every record must have as many fields
 */
record CsvColumns(int id, int subscriberId, int status, int count) {

    static final int ABSENT = -1;

    private static final Set<String> ID_NAMES = Set.of("id", "userid", "user_id");
    private static final Set<String> SUBSCRIBER_NAMES = Set.of("subscriberid", "subscriber_id");
    private static final Set<String> STATUS_NAMES = Set.of("status");

    static CsvColumns of(List<String> header) throws InputRejectedException {
        int id = find(header, ID_NAMES, "id");
        if (id == ABSENT) {
            throw new InputRejectedException("CSV header has no id column (expected one of: id, userId, user_id); found: "
                    + Excerpt.of(String.join(", ", header)));
        }
        return new CsvColumns(id, find(header, SUBSCRIBER_NAMES, "subscriberId"),
                find(header, STATUS_NAMES, "status"), header.size());
    }

    /** The index of the one column with one of these names; two such columns would be ambiguous. */
    private static int find(List<String> header, Set<String> names, String role) throws InputRejectedException {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name != null && names.contains(name.strip().toLowerCase(Locale.ROOT))) {
                found.add(i);
            }
        }
        if (found.size() > 1) {
            throw new InputRejectedException("CSV header has more than one " + role + " column: "
                    + found.stream().map(header::get).toList());
        }
        return found.isEmpty() ? ABSENT : found.get(0);
    }
}
