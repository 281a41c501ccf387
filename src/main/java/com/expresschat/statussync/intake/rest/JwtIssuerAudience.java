package com.expresschat.statussync.intake.rest;

import java.util.List;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.KeyStoreOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

/**
 * The issuer and audience of the REST intake's JWTs ({@code statussync.rest.jwt.issuer}, {@code .audience}). Camel 4.18
 * sets up Vert.x's JWT check with the key store only (CVE-2026-66908, fixed in Camel 4.22): any token signed by one of
 * its keys would be taken, whoever it was issued for. So the server's JWT provider is made here, from the same key
 * store settings, with Vert.x's own issuer and audience checks; signature, expiry and the refusal of {@code alg: none}
 * stay Vert.x's. The prod profile refuses JWT mode without both settings.
 */
final class JwtIssuerAudience {

    private static final Logger LOG = LoggerFactory.getLogger(JwtIssuerAudience.class);
    private static final String ISSUER = ServerSettings.JWT_ISSUER;
    private static final String AUDIENCE = ServerSettings.JWT_AUDIENCE;

    private final CamelContext context;
    private final ServerSettings settings;

    JwtIssuerAudience(CamelContext context, ServerSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    void apply(String profile) {
        MainHttpServer http = context.hasService(MainHttpServer.class);
        Optional<String> issuer = settings.jwtIssuer();
        Optional<String> audience = settings.jwtAudience();
        if (http == null || !jwtMode(http.getConfiguration().getAuthenticationConfig())) {
            if (issuer.isPresent() || audience.isPresent()) {
                LOG.warn("{} and {} apply only to JWT authentication, which is not in use", ISSUER, AUDIENCE);
            }
            return;
        }
        if (issuer.isEmpty() || audience.isEmpty()) {
            if ("prod".equals(profile)) {
                throw new IllegalStateException("The prod profile refuses JWT authentication without an issuer and an "
                        + "audience to check: set " + ISSUER + " and " + AUDIENCE + " (else any token signed by a key of "
                        + "the key store would be taken, whoever it was issued for: CVE-2026-66908)");
            }
            LOG.warn("REST intake JWTs: {} or {} not set, so any token signed by the key store is taken", ISSUER, AUDIENCE);
        }
        JWTOptions claims = new JWTOptions();
        issuer.ifPresent(claims::setIssuer);
        audience.ifPresent(aud -> claims.setAudience(List.of(aud)));
        JWTAuthOptions options = new JWTAuthOptions()
                .setKeyStore(new KeyStoreOptions()
                        .setType(settings.jwtKeystoreType().orElseThrow())
                        .setPath(settings.jwtKeystorePath().orElse(null))
                        .setPassword(settings.jwtKeystorePassword().orElse(null)))
                .setJWTOptions(claims);
        for (AuthenticationConfig.AuthenticationConfigEntry entry : http.getConfiguration().getAuthenticationConfig()
                .getEntries()) {
            entry.setAuthenticationProviderFactory(vertx -> JWTAuth.create(vertx, options));
        }
        LOG.info("REST intake JWTs: issuer {}, audience {}", issuer.orElse("(any)"), audience.orElse("(any)"));
    }

    /** JWT is what Camel Main set up when authentication is on with a JWT key store and no users file. */
    private boolean jwtMode(AuthenticationConfig config) {
        return config.isEnabled() && settings.usersFile().isEmpty() && settings.jwtKeystoreType().isPresent();
    }
}
