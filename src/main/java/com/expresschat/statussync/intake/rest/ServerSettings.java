package com.expresschat.statussync.intake.rest;

import java.util.Optional;

/**
 * What the REST intake's security reads of the embedded server's settings ({@code camel.server.*}, which Camel Main
 * applies itself) and of its own ({@code statussync.rest.*}); read once, with every other setting, by
 * configuration.Settings. Each value is trimmed; a blank one is unset.
 *
 * @param authenticationEnabled camel.server.authenticationEnabled
 * @param authenticationRealm   camel.server.authenticationRealm (Camel's default: "Camel")
 * @param authenticationPath    camel.server.authenticationPath
 * @param usersFile             camel.server.basicPropertiesFile: HTTP Basic users
 * @param jwtKeystoreType       camel.server.jwtKeystoreType
 * @param jwtKeystorePath       camel.server.jwtKeystorePath
 * @param jwtKeystorePassword   camel.server.jwtKeystorePassword
 * @param jwtIssuer             statussync.rest.jwt.issuer
 * @param jwtAudience           statussync.rest.jwt.audience
 * @param tlsTerminatedUpstream statussync.rest.tls-terminated-upstream
 * @param keyStorePasswordFile  statussync.rest.tls.key-store-password-file
 */
public record ServerSettings(
        boolean authenticationEnabled,
        String authenticationRealm,
        Optional<String> authenticationPath,
        Optional<String> usersFile,
        Optional<String> jwtKeystoreType,
        Optional<String> jwtKeystorePath,
        Optional<String> jwtKeystorePassword,
        Optional<String> jwtIssuer,
        Optional<String> jwtAudience,
        boolean tlsTerminatedUpstream,
        Optional<String> keyStorePasswordFile) {

    static final String JWT_ISSUER = "statussync.rest.jwt.issuer";
    static final String JWT_AUDIENCE = "statussync.rest.jwt.audience";
    static final String TLS_TERMINATED_UPSTREAM = "statussync.rest.tls-terminated-upstream";
    static final String KEY_STORE_PASSWORD_FILE = "statussync.rest.tls.key-store-password-file";

    @Override
    public String toString() {
        // the key store password is a secret: never in a log line or an exception
        return "ServerSettings[authenticationEnabled=" + authenticationEnabled + ", usersFile=" + usersFile
               + ", jwtKeystoreType=" + jwtKeystoreType + ", jwtIssuer=" + jwtIssuer + ", jwtAudience=" + jwtAudience
               + ", tlsTerminatedUpstream=" + tlsTerminatedUpstream + "]";
    }
}
