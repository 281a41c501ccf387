package com.expresschat.statussync.configuration;

import static com.expresschat.statussync.configuration.IsolationSettingsTest.settings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.expresschat.statussync.intake.rest.ServerSettings;

/** The REST intake's security settings, read with all the others: trimmed, blank is unset, camelCase or kebab-case. */
class ServerSettingsTest {

    @Test
    void aValueIsTrimmedAndABlankOneIsUnset() throws Exception {
        ServerSettings server = server("statussync.rest.jwt.issuer", "  https://login.example.com/ ",
                "statussync.rest.jwt.audience", "   ");

        assertThat(server.jwtIssuer()).hasValue("https://login.example.com/");
        assertThat(server.jwtAudience()).isEmpty();
        assertThat(server.keyStorePasswordFile()).isEmpty();
    }

    @Test
    void aCamelServerSettingIsFoundCamelCaseOrKebabCase() throws Exception {
        ServerSettings server = server("camel.server.jwt-keystore-type", "pkcs12",
                "camel.server.jwtKeystorePath", "/etc/jwt.p12", "camel.server.authentication-enabled", " true ");

        assertThat(server.jwtKeystoreType()).hasValue("pkcs12");
        assertThat(server.jwtKeystorePath()).hasValue("/etc/jwt.p12");
        assertThat(server.jwtKeystorePassword()).isEmpty();
        assertThat(server.authenticationEnabled()).isTrue();
    }

    @Test
    void theKeyStorePasswordIsNeverInItsText() throws Exception {
        ServerSettings server = server("camel.server.jwtKeystorePassword", "s3cret-Pa55");

        assertThat(server.jwtKeystorePassword()).hasValue("s3cret-Pa55");
        assertThat(server.toString()).doesNotContain("s3cret-Pa55");
    }

    private static ServerSettings server(String... keysAndValues) throws Exception {
        Properties p = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return settings(p).rest().server();
    }
}
