package com.expresschat.statussync.transport;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One Kafka admin client per instance, made on first use, for what the brokers are asked beside consuming and
 * producing: readiness ({@link BrokerReadinessCheck}) and consumer lag ({@link ConsumerLag}). Its calls are cut after
 * {@link #TIMEOUT_MS}, so that a broker that has gone makes a health answer slow by a second at most.
 */
public class BrokerAdmin implements Supplier<Admin>, AutoCloseable {

    static final int TIMEOUT_MS = 1000;

    private final String bootstrapServers;
    private volatile Admin admin;

    public BrokerAdmin(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public Admin get() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS));
                }
            }
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}
