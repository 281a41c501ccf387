package com.expresschat.statussync.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.junit.jupiter.api.Test;

/** statussync.isolation.*: the shipped defaults, the auto budget and the refusals of values that cannot work. */
class IsolationSettingsTest {

    @Test
    void theShippedDefaultIsOnWithTheAutoBudgetOfTheBatchSize() throws IOException {
        assertThat(settings(new Properties()).isolation()).isEqualTo(new Settings.Isolation(true, 42));

        Properties bigger = new Properties();
        bigger.setProperty("statussync.batch-size", "500");
        assertThat(settings(bigger).isolation().maxExtraRequests()).isEqualTo(2 * 9 * 3);
    }

    @Test
    void anExplicitBudgetOrOffIsTaken() throws IOException {
        Properties p = new Properties();
        p.setProperty("statussync.isolation.enabled", "false");
        p.setProperty("statussync.isolation.max-extra-requests", "10");

        assertThat(settings(p).isolation()).isEqualTo(new Settings.Isolation(false, 10));
    }

    @Test
    void aBudgetOrSwitchThatIsNoNumberOrBooleanIsRefusedByName() {
        Properties budget = new Properties();
        budget.setProperty("statussync.isolation.max-extra-requests", "lots");
        Properties negative = new Properties();
        negative.setProperty("statussync.isolation.max-extra-requests", "-1");
        Properties enabled = new Properties();
        enabled.setProperty("statussync.isolation.enabled", "yes");

        assertThatThrownBy(() -> settings(budget)).hasMessage(
                "statussync.isolation.max-extra-requests must be auto or a whole number, was 'lots'");
        assertThatThrownBy(() -> settings(negative))
                .hasMessageContaining("statussync.isolation.max-extra-requests must be auto, 0 or more");
        assertThatThrownBy(() -> settings(enabled))
                .hasMessage("statussync.isolation.enabled must be true or false, was 'yes'");
    }

    /** The settings of config/application.properties with {@code overrides} on top. */
    static Settings settings(Properties overrides) throws IOException {
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("config", "application.properties"))) {
            file.load(in);
        }
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            PropertiesComponent properties = context.getPropertiesComponent();
            properties.setInitialProperties(file);
            properties.setOverrideProperties(overrides);
            return Settings.from(properties);
        }
    }
}
