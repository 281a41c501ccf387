package com.expresschat.statussync.configuration;

import org.apache.camel.CamelContext;

import com.expresschat.statussync.credentials.SecretFileCheck;
import com.expresschat.statussync.credentials.Secrets;
import com.expresschat.statussync.credentials.TokenSource;
import com.expresschat.statussync.intake.rest.ApiAccessCheck;

/**
 * The refusals to start (§6, §7), in one place: settings that cannot work are refused by {@link Settings} as they
 * are read; here a prod start without an express-chat token or with a token file others may read, and a REST
 * intake served open by mistake (the embedded server's TLS set-up is checked as it is set up: EmbeddedServerSetup).
 */
final class StartupChecks {

    private StartupChecks() {
    }

    /** {@code secrets} learns the REST users file's passwords, to be scrubbed from what the service stores. */
    static void verify(CamelContext context, String profile, TokenSource tokens, Settings.Rest rest,
            Secrets secrets) {
        if ("prod".equals(profile) && !tokens.isConfigured()) {
            throw new IllegalStateException("The prod profile needs the express-chat token: set EXPRESS_CHAT_TOKEN "
                                            + "or EXPRESS_CHAT_TOKEN_FILE (or statussync.express-chat.token); a token "
                                            + "file must be readable and not empty (" + tokens.problem() + ")");
        }
        if ("prod".equals(profile) && tokens.file() != null) {
            SecretFileCheck.requirePrivate(tokens.file(), "express-chat token file (EXPRESS_CHAT_TOKEN_FILE)");
        }
        new ApiAccessCheck(context, rest.server()).verify(profile, rest.allowAnonymous(), secrets);
    }
}
