package com.expresschat.statussync.configuration;

import static com.expresschat.statussync.configuration.IsolationSettingsTest.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** statussync.transport and statussync.instance-id: the shipped defaults, and a transport that does not exist. */
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

        assertThat(settings(p).transport()).isEqualTo(new Settings.Transport(true, "worker-7", Path.of("data/journal")));
    }

    @Test
    void anUnknownTransportIsRefusedByName() {
        Properties p = new Properties();
        p.setProperty("statussync.transport", "rabbitmq");

        assertThatThrownBy(() -> settings(p)).hasMessage("statussync.transport must be direct or kafka, was 'rabbitmq'");
    }
}
