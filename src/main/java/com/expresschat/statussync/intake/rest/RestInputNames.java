package com.expresschat.statussync.intake.rest;

import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.expresschat.statussync.intake.InputFormat;

/**
 * Names of inputs that came in over REST: {@code rest-<uuid>.<extension of its format>}, so that a body stored
 * in the inbox is recognised as its format, and a name asked for by GET can be checked to be one this API
 * issued (which also rules out any path: only these names are ever looked up on disk).
 */
final class RestInputNames {

    private static final Pattern ISSUED = Pattern.compile("rest-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.("
            + Arrays.stream(InputFormat.values()).map(InputFormat::extension).collect(Collectors.joining("|")) + ")");

    private RestInputNames() {
    }

    static String newName(InputFormat format) {
        return "rest-" + UUID.randomUUID() + "." + format.extension();
    }

    static boolean isIssued(String name) {
        return name != null && ISSUED.matcher(name).matches();
    }
}
