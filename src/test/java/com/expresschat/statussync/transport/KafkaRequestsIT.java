package com.expresschat.statussync.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.support.ExpressChatStub;
import com.expresschat.statussync.support.KafkaBroker;
import com.expresschat.statussync.support.StatusSyncTestSupport;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Kafka intake (§6) on a real broker: three records on the requests topic (one partition) are three inputs with a
 * receipt each. A valid body is delivered; an invalid body (a bad ID) is rejected to error/ with the row named; a
 * record that is not JSON at all is rejected with the parser's reason; all three offsets are committed, so the poison
 * record does not stop the records behind it. Delivery here is direct: the intake works with either transport.
 */
class KafkaRequestsIT extends StatusSyncTestSupport {

    private static final String TOPIC = "requests-" + UUID.randomUUID();
    private static final String GROUP = "requests-" + UUID.randomUUID();

    @Override
    protected void settings(Properties p) {
        p.setProperty("statussync.kafka.bootstrap-servers", KafkaBroker.bootstrapServers());
        p.setProperty("statussync.kafka.requests-enabled", "true");
        p.setProperty("statussync.kafka.requests-topic", TOPIC);
        p.setProperty("statussync.kafka.requests-group-id", GROUP);
    }

    @Test
    void validInvalidAndPoisonRecordsEachEndWithAReceiptAndAreCommitted() throws Exception {
        expressChat.acceptAll();
        String good = objectId(1);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record("{\"ids\":[\"" + objectId(2) + "\",\"not-an-id\"],\"status\":\"DELETED\"}")).get();
            producer.send(record("this is not JSON")).get();
            producer.send(record("{\"ids\":[\"" + good + "\"],\"status\":\"DELETED\"}")).get();
        }
        String prefix = "kafka-" + TOPIC + "-0-";

        JsonNode invalid = awaitRejected(prefix + "0.json");
        assertThat(invalid.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(invalid.path("source").asText()).isEqualTo("file");
        JsonNode invalidReport = ExpressChatStub.read(Files.readString(error().resolve(prefix + "0.json.error.json")));
        assertThat(invalidReport.toString()).contains("not-an-id");

        JsonNode poison = awaitRejected(prefix + "1.json");
        assertThat(poison.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(poison.path("reason").asText()).isNotBlank();
        assertThat(Files.readString(error().resolve(prefix + "1.json"))).isEqualTo("this is not JSON");

        JsonNode delivered = awaitDone(prefix + "2.json");
        assertThat(delivered.path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(expressChat.receivedIds()).containsExactly(good);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.bootstrapServers()))) {
            await().atMost(KafkaBroker.PATIENCE).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get();
                OffsetAndMetadata committed = offsets.get(new TopicPartition(TOPIC, 0));
                return committed != null && committed.offset() == 3;
            });
        }
        System.out.printf("KafkaRequestsIT: rejected %s (%s); poison: %s%n", prefix + "0.json",
                invalid.path("reason").asText(), poison.path("reason").asText());
    }

    private static ProducerRecord<String, byte[]> record(String value) {
        return new ProducerRecord<>(TOPIC, 0, null, value.getBytes(StandardCharsets.UTF_8));
    }
}
