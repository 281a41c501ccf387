package com.expresschat.statussync.credentials;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets of this process (the express-chat tokens it has used, the REST intake's passwords), so that they can
 * be scrubbed from whatever it stores or logs that came from outside: an upstream answer that echoes the
 * request's Authorization header must leave no trace of the token in a receipt or an error report (§7).
 */
public final class Secrets {

    static final String MASK = "****";
    /** Shorter strings are not scrubbed: they would mask ordinary text ("a", "123") and are no real secret. */
    private static final int MIN_LENGTH = 6;

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** Remembers a secret; it stays known for the life of the process (a rotated token is still scrubbed). */
    public void add(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            secrets.add(secret);
            // a JSON answer may escape a slash in it
            if (secret.indexOf('/') >= 0) {
                secrets.add(secret.replace("/", "\\/"));
            }
        }
    }

    /** The text with every known secret replaced by {@value #MASK}; null stays null. */
    public String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String scrubbed = text;
        for (String secret : secrets) {
            if (scrubbed.contains(secret)) {
                scrubbed = scrubbed.replace(secret, MASK);
            }
        }
        return scrubbed;
    }
}
