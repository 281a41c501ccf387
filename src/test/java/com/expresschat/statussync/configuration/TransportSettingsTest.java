package com.expresschat.statussync.configuration;

import static com.expresschat.statussync.configuration.IsolationSettingsTest.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * statussync.transport, instance-id and kafka.lag-interval, and the shared inbox settings: the shipped defaults, and
 * values refused by name.
 */
class TransportSettingsTest {

    @Test
    void theShippedDefaultIsOneProcessNamedByHostAndPid() throws Exception {
        Settings.Transport transport = settings(new Properties()).transport();

        assertThat(transport.kafka()).isFalse();
        assertThat(transport.instanceId()).endsWith("-" + ProcessHandle.current().pid());
        assertThat(transport.journalDir()).isEqualTo(Path.of("data/journal"));
    }

    @Test
    void kafkaWithANamedInstance() throws Exception {
        Properties p = new Properties();
        p.setProperty("statussync.transport", " Kafka ");
        p.setProperty("statussync.instance-id", "worker-7");

        assertThat(settings(p).transport())
                .isEqualTo(new Settings.Transport(true, "worker-7", Path.of("data/journal"), Duration.ofSeconds(5)));
    }

    @Test
    void anUnknownTransportIsRefusedByName() {
        Properties p = new Properties();
        p.setProperty("statussync.transport", "rabbitmq");

        assertThatThrownBy(() -> settings(p)).hasMessage("statussync.transport must be direct or kafka, was 'rabbitmq'");
    }

    @Test
    void aLagIntervalThatIsNoDurationIsRefusedByName() {
        Properties p = new Properties();
        p.setProperty("statussync.kafka.lag-interval", "often");

        assertThatThrownBy(() -> settings(p)).hasMessage(
                "statussync.kafka.lag-interval must be a duration such as 500ms, 1s or 2m, was 'often'");
    }

    @Test
    void sharedInboxSettingsThatCannotBeReadAreRefusedByName() {
        Properties count = new Properties();
        count.setProperty("statussync.file.leader-stale-after-checks", "three");
        Properties flag = new Properties();
        flag.setProperty("statussync.file.shared-inbox", "yes");

        assertThatThrownBy(() -> settings(count))
                .hasMessage("statussync.file.leader-stale-after-checks must be a whole number, was 'three'");
        assertThatThrownBy(() -> settings(flag)).hasMessage("statussync.file.shared-inbox must be true or false, was 'yes'");
    }
}
