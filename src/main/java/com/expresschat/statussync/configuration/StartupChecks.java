package com.expresschat.statussync.configuration;

import org.apache.camel.CamelContext;

import com.expresschat.statussync.delivery.TokenSource;
import com.expresschat.statussync.intake.rest.ApiAccessCheck;

/**
 * The refusals to start (§6, §7), in one place: settings that cannot work are refused by {@link Settings} as they
 * are read; here a prod start without an express-chat token, and a REST intake served open by mistake.
 */
final class StartupChecks {

    private StartupChecks() {
    }

    static void verify(CamelContext context, String profile, TokenSource tokens, boolean allowAnonymousRest) {
        if ("prod".equals(profile) && !tokens.isConfigured()) {
            throw new IllegalStateException("The prod profile needs the express-chat token: set EXPRESS_CHAT_TOKEN "
                                            + "or EXPRESS_CHAT_TOKEN_FILE (or statussync.express-chat.token); a token "
                                            + "file must be readable and not empty (token from " + tokens.describe() + ")");
        }
        new ApiAccessCheck(context).verify(profile, allowAnonymousRest);
    }
}
