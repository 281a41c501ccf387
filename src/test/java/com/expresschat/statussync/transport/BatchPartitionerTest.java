package com.expresschat.statussync.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import com.expresschat.statussync.model.Batch;
import com.expresschat.statussync.support.Samples;

/** BatchPartitioner: an input's batches take the batches topic's partitions in turn. */
class BatchPartitionerTest {

    private static final String TOPIC = "statussync.batches";
    private static final int PARTITIONS = 8;
    private static final Node BROKER = new Node(1, "127.0.0.1", 9092);
    private static final Cluster CLUSTER = new Cluster("test", List.of(BROKER),
            IntStream.range(0, PARTITIONS).mapToObj(p -> new PartitionInfo(TOPIC, p, BROKER, null, null)).toList(),
            Set.of(), Set.of());

    private final BatchPartitioner partitioner = new BatchPartitioner();

    @Test
    void theBatchesOfAnInputSpreadEvenlyOverThePartitions() {
        for (int batches : new int[] { 3, 8, 100, 1_001 }) {
            int[] perPartition = new int[PARTITIONS];
            String inputId = UUID.randomUUID().toString();
            for (int number = 1; number <= batches; number++) {
                perPartition[partitionOf(new PublishedBatch(inputId, batch(number)).key())]++;
            }
            int most = IntStream.of(perPartition).max().orElseThrow();
            int least = IntStream.of(perPartition).min().orElseThrow();
            assertThat(most - least).as("%d batches over %d partitions: %s", batches, PARTITIONS,
                    Arrays.toString(perPartition)).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void consecutiveBatchesGoToConsecutivePartitionsFromOneTheInputPicks() {
        List<Integer> starts = new ArrayList<>();
        for (int input = 0; input < 50; input++) {
            String inputId = UUID.randomUUID().toString();
            int first = partitionOf(new PublishedBatch(inputId, batch(1)).key());
            assertThat(partitionOf(new PublishedBatch(inputId, batch(2)).key())).isEqualTo((first + 1) % PARTITIONS);
            starts.add(first);
        }
        assertThat(Set.copyOf(starts)).as("inputs do not all start on one partition").hasSizeGreaterThan(1);
    }

    @Test
    void aKeyThatNamesNoBatchIsHashedAsKafkaWould() {
        String key = "not-a-batch";
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        assertThat(partitioner.partition(TOPIC, key, bytes, null, null, CLUSTER))
                .isEqualTo(Utils.toPositive(Utils.murmur2(bytes)) % PARTITIONS);
    }

    private int partitionOf(String key) {
        int partition = partitioner.partition(TOPIC, key, key.getBytes(StandardCharsets.UTF_8), null, null, CLUSTER);
        assertThat(partition).isBetween(0, PARTITIONS - 1);
        return partition;
    }

    private static Batch batch(int number) {
        return Samples.batch(number, Samples.rows(1));
    }
}
