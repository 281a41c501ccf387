package com.expresschat.statussync.transport;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import com.expresschat.statussync.support.BrokerProcess;
import com.expresschat.statussync.support.KafkaBroker;

/**
 * The life of a {@link KafkaFleet} in a Kafka IT: its folders in a temporary directory, on the shared test broker or
 * on a broker of the test's own, everything stopped after the test: the instances first, then that broker.
 */
abstract class KafkaFleetSupport {

    @TempDir
    Path root;

    /** The fleet of the test, once {@link #fleet} has made it. */
    KafkaFleet fleet;
    private BrokerProcess ownBroker;

    /** A fleet on the shared test broker ({@link KafkaBroker}), express-chat accepting every PUT after delayMs. */
    KafkaFleet fleet(int concurrency, int maxPollRecords, int delayMs) throws Exception {
        return fleet(KafkaBroker.bootstrapServers(), concurrency, maxPollRecords, delayMs);
    }

    /** A fleet on the broker at {@code bootstrapServers}, express-chat accepting every PUT after delayMs. */
    KafkaFleet fleet(String bootstrapServers, int concurrency, int maxPollRecords, int delayMs) throws Exception {
        fleet = new KafkaFleet(root, bootstrapServers, concurrency, maxPollRecords);
        fleet.acceptAll(delayMs);
        return fleet;
    }

    /** A broker of the test's own, which it may kill and start again; stopped after the fleet. */
    BrokerProcess ownBroker() {
        ownBroker = BrokerProcess.start(root.resolve("broker"));
        return ownBroker;
    }

    @AfterEach
    void stopFleet() throws Exception {
        try {
            if (fleet != null) {
                fleet.close();
            }
        } finally {
            if (ownBroker != null) {
                ownBroker.close();
            }
        }
    }
}
