package com.expresschat.statussync.transport;

import com.expresschat.statussync.model.Tally;

/**
 * Published by the intake after the last batch of an input: what the collector needs, beside the batches' outcomes,
 * to write the input's receipt, and how many outcomes make it complete.
 *
 * @param name       the input's name
 * @param source     where it came from (file, rest)
 * @param format     its format
 * @param archivedAs the file name it was archived under in done/ (where its receipt goes)
 * @param startedAt  when the intake took it (ISO-8601)
 * @param batches    how many batches were published
 * @param counts     rows, invalid rows and duplicates dropped, as counted by the intake
 */
public record InputClosed(String name, String source, String format, String archivedAs, String startedAt,
        int batches, Tally.IntakeCounts counts) {
}
