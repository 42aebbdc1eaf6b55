package com.frontline.platform.elasticsearch;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.io.IOException;
import java.time.Duration;

/** The {@code elasticsearch} health component: never waits for a starting node, never blocks more than ~3 s. */
class ElasticsearchHealthIndicator implements HealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ElasticsearchConnection connection;

    ElasticsearchHealthIndicator(ElasticsearchConnection connection) {
        this.connection = connection;
    }

    @Override
    public Health health() {
        EmbeddedElasticsearch node = connection.embeddedNode();
        if (node != null) {
            String failure = node.failure();
            if (failure != null) {
                return Health.down().withDetail("error", failure).build();
            }
            if (!node.isReady()) {
                return Health.down().withDetail("state", "starting").build();
            }
        }
        try {
            ClusterHealthProbe.ClusterHealth health = connection.health(TIMEOUT);
            Health.Builder builder = health.usable() ? Health.up() : Health.down();
            return builder.withDetail("status", health.status())
                    .withDetail("cluster", health.clusterName())
                    .withDetail("nodes", health.numberOfNodes())
                    .build();
        } catch (IOException e) {
            return Health.down(e).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        }
    }
}
