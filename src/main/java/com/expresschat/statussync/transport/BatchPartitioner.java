package com.expresschat.statussync.transport;

import java.util.Map;

import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * Where a record of the batches topic goes (the batches producer's partitioner): an input's batches take the
 * partitions in turn, from a partition its run id picks, so that every partition, and so every worker, gets the same
 * share of an input to within one batch. Hashing each key (Kafka's default) spreads them at random: in a run of
 * 4,000 batches one worker's partitions hold some tens of batches more than another's, which that worker is still
 * sending when the others are done. A key that is not {@link PublishedBatch#key} is hashed as Kafka would.
 */
public class BatchPartitioner implements Partitioner {

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        int partitions = cluster.partitionCountForTopic(topic);
        if (key instanceof String text) {
            int dash = text.lastIndexOf('-');
            try {
                int number = Integer.parseInt(text.substring(dash + 1));
                return Math.floorMod(text.substring(0, Math.max(dash, 0)).hashCode() + number, partitions);
            } catch (NumberFormatException notABatchKey) {
                // hashed below
            }
        }
        return keyBytes == null ? 0 : Utils.toPositive(Utils.murmur2(keyBytes)) % partitions;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }

    @Override
    public void close() {
        // nothing to release
    }
}
