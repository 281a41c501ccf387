package com.expresschat.statussync.intake.rest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.expresschat.statussync.credentials.SecretFileCheck;
import com.expresschat.statussync.credentials.Secrets;

/**
 * Refuses to start an application whose REST intake would be open by mistake (§6). Authentication is the
 * embedded server's own (camel.server.authentication*: HTTP Basic with a users file, or JWT); what decides is
 * what the server really set up, not what the settings seem to say. Refused, in every profile: authentication
 * switched on but with no users file or JWT key store (the server would then protect nothing), or on a path
 * that does not cover the intake, or with a users file that is missing or names no user. Refused in the prod
 * profile: authentication off, unless {@code statussync.rest.allow-anonymous=true} says it is meant.
 */
public final class ApiAccessCheck {

    /** The setting that allows a prod start with an open REST intake. */
    public static final String ALLOW_ANONYMOUS = "statussync.rest.allow-anonymous";

    private static final Logger LOG = LoggerFactory.getLogger(ApiAccessCheck.class);
    static final String API_PATH = "/api/v1/status-updates";

    private final CamelContext context;
    private final ServerSettings settings;

    public ApiAccessCheck(CamelContext context, ServerSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    /** {@code secrets} learns the users file's passwords, to be scrubbed from what the service stores. */
    public void verify(String profile, boolean allowAnonymous, Secrets secrets) {
        MainHttpServer server = context.hasService(MainHttpServer.class);
        if (server == null) {
            LOG.info("The embedded HTTP server is off (camel.server.enabled): no REST intake");
            return;
        }
        Optional<String> usersFile = settings.usersFile();
        if (protectsApi(server.getConfiguration().getAuthenticationConfig())) {
            String problem = usersFile.map(file -> UsersFile.problemOf(Path.of(file))).orElseGet(this::jwtKeyStoreProblem);
            if (problem != null) {
                throw new IllegalStateException("REST intake authentication: " + problem);
            }
            usersFile.map(Path::of).ifPresent(file -> {
                if ("prod".equals(profile)) {
                    SecretFileCheck.requirePrivate(file, "REST users file (camel.server.basicPropertiesFile)");
                }
                UsersFile.passwordsOf(file).forEach(secrets::add);
            });
            LOG.info("REST intake: authentication required on {} ({})", API_PATH,
                    usersFile.map(file -> "HTTP Basic, users file " + file).orElse("JWT"));
            return;
        }
        if (settings.authenticationEnabled()) {
            throw new IllegalStateException("REST intake authentication is switched on (camel.server.authenticationEnabled) "
                    + "but would protect nothing: " + whyUnprotected(usersFile) + ". Refusing to serve an open intake");
        }
        if ("prod".equals(profile) && !allowAnonymous) {
            throw new IllegalStateException("The prod profile refuses to serve the REST intake without authentication: "
                    + "set camel.server.authenticationEnabled=true with a users file (camel.server.basicPropertiesFile) "
                    + "or a JWT key store (camel.server.jwtKeystoreType, jwtKeystorePath, jwtKeystorePassword), or set "
                    + ALLOW_ANONYMOUS + "=true if an open intake is really meant");
        }
        LOG.warn("The REST intake is served WITHOUT authentication (camel.server.authenticationEnabled is off)");
    }

    private String whyUnprotected(Optional<String> usersFile) {
        if (usersFile.isEmpty() && settings.jwtKeystoreType().isEmpty()) {
            return "set a users file (camel.server.basicPropertiesFile) or a JWT key store (camel.server.jwtKeystoreType, "
                   + "jwtKeystorePath, jwtKeystorePassword)";
        }
        return "camel.server.authenticationPath=" + settings.authenticationPath().orElse("(unset)")
               + " does not cover " + API_PATH + "; use /api/*";
    }

    private String jwtKeyStoreProblem() {
        return settings.jwtKeystorePath()
                .filter(path -> !Files.isReadable(Path.of(path)))
                .map(path -> "the JWT key store " + Path.of(path).toAbsolutePath() + " cannot be read")
                .orElse(null);
    }

    private static boolean protectsApi(AuthenticationConfig config) {
        return config.isEnabled() && config.getEntries().stream().anyMatch(entry -> covers(entry.getPath(), API_PATH));
    }

    /** Vert.x route paths: a trailing * matches everything below its prefix, else the path must be equal. */
    static boolean covers(String routePath, String path) {
        if (routePath == null) {
            return false;
        }
        return routePath.endsWith("*") ? path.startsWith(routePath.substring(0, routePath.length() - 1))
                : routePath.equals(path);
    }
}
