package com.expresschat.statussync.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class OptionalSettingsTest {

    private final OptionalSettings settings = settings("statussync.rest.jwt.issuer", "  https://login.example.com/ ",
            "statussync.rest.jwt.audience", "   ", "camel.server.jwt-keystore-type", "pkcs12",
            "camel.server.jwtKeystorePath", "/etc/jwt.p12");

    @Test
    void aValueIsTrimmedAndABlankOneIsUnset() {
        assertThat(settings.get("statussync.rest.jwt.issuer")).hasValue("https://login.example.com/");
        assertThat(settings.get("statussync.rest.jwt.audience")).isEmpty();
        assertThat(settings.get("statussync.rest.nothing")).isEmpty();
    }

    @Test
    void aCamelServerSettingIsFoundCamelCaseOrKebabCase() {
        assertThat(settings.camelServer("jwtKeystoreType")).hasValue("pkcs12");
        assertThat(settings.camelServer("jwtKeystorePath")).hasValue("/etc/jwt.p12");
        assertThat(settings.camelServer("jwtKeystorePassword")).isEmpty();
    }

    private static OptionalSettings settings(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        DefaultCamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setInitialProperties(properties);
        return new OptionalSettings(context.getPropertiesComponent());
    }
}
