package com.expresschat.statussync.transport;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Readiness with Kafka in use (statussync.transport=kafka or the Kafka intake): not ready while the brokers cannot be
 * reached, with the reason. camel-kafka's own consumer checks stay UP for a long while after the broker has gone
 * (its consumers keep retrying), so the brokers are asked directly: a describe-cluster call, cut after a second.
 * The details carry the consumer lag of each of the product's groups ({@link ConsumerLag}'s last figures): a backlog
 * is no reason to be unready, but it is what an operator looks at next.
 */
public class BrokerReadinessCheck extends AbstractHealthCheck {

    private final BrokerAdmin admin;
    private final ConsumerLag lag;

    public BrokerReadinessCheck(BrokerAdmin admin, ConsumerLag lag) {
        super("statussync", "kafka-brokers");
        this.admin = admin;
        this.lag = lag;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("bootstrap.servers", admin.bootstrapServers());
        for (ConsumerLag.Watched w : lag.watched()) {
            builder.detail("lag." + w.topic(), lag.figure(w)
                    .map(f -> f.total() + " records not committed by group " + w.group() + " (at " + f.at() + ")")
                    .orElse("unknown"));
        }
        try {
            int nodes = admin.get().describeCluster(new DescribeClusterOptions().timeoutMs(BrokerAdmin.TIMEOUT_MS))
                    .nodes().get(BrokerAdmin.TIMEOUT_MS + 500, TimeUnit.MILLISECONDS).size();
            builder.up().detail("brokers", nodes);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            builder.down().message("Kafka brokers " + admin.bootstrapServers() + " not reachable: "
                                   + cause.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.down().message("interrupted while asking the Kafka brokers");
        }
    }
}
