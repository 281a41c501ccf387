package com.expresschat.statussync.intake.rest;



/**
 * How the embedded server authenticates the API (camel.server.authentication*): HTTP Basic with a users file, JWT
 * with a key store, or not at all. What the OpenAPI document advertises and what a malformed credential is
 * challenged with follow from it.
 *
 * @param scheme the scheme in force
 * @param realm  the realm of the challenge ({@code WWW-Authenticate})
 */
public record ApiAuthentication(Scheme scheme, String realm) {

    enum Scheme {
        NONE, BASIC, JWT
    }

    public static ApiAuthentication from(ServerSettings settings) {
        String realm = settings.authenticationRealm();
        if (!settings.authenticationEnabled()) {
            return new ApiAuthentication(Scheme.NONE, realm);
        }
        // the embedded server takes the users file when there is one, else the JWT key store (ApiAccessCheck)
        Scheme scheme = settings.usersFile().isPresent() ? Scheme.BASIC
                : settings.jwtKeystoreType().isPresent() ? Scheme.JWT : Scheme.NONE;
        return new ApiAuthentication(scheme, realm);
    }

    /** The challenge a 401 carries, as the server's own authentication handler writes it. */
    String challenge() {
        return (scheme == Scheme.JWT ? "Bearer" : "Basic") + " realm=\"" + realm + "\"";
    }
}
