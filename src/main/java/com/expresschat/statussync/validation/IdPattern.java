package com.expresschat.statussync.validation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The configured ID pattern (§2), matched in full and ignoring case. The default, 24 hex digits, is checked
 * by a loop over the characters: exactly what the case-insensitive regex accepts, without a {@code Matcher}
 * per ID (the regex was 45 % of the parse + validate time, docs/benchmarks.md). Any other pattern uses
 * {@code java.util.regex}.
 */
public final class IdPattern {

    /** The default pattern of {@code statussync.id-pattern}: a 24-hex-digit object ID. */
    public static final String OBJECT_ID = "[0-9a-f]{24}";

    private static final int OBJECT_ID_LENGTH = 24;

    private final String source;
    private final Pattern regex;
    private final boolean objectId;

    /** @throws java.util.regex.PatternSyntaxException if the pattern is not a valid regular expression */
    public IdPattern(String pattern) {
        this.source = Objects.requireNonNull(pattern, "idPattern");
        this.regex = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
        this.objectId = OBJECT_ID.equals(pattern);
    }

    public boolean matches(String id) {
        return objectId ? isObjectId(id) : regex.matcher(id).matches();
    }

    @Override
    public String toString() {
        return source;
    }

    private static boolean isObjectId(String id) {
        if (id.length() != OBJECT_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < OBJECT_ID_LENGTH; i++) {
            if (!isHexDigit(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** ASCII only, like the regex: without UNICODE_CASE, case folding and [0-9] cover US-ASCII alone. */
    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
