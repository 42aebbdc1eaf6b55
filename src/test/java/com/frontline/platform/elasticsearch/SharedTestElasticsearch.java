package com.frontline.platform.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.frontline.platform.EmbeddedProperties;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;

/**
 * One embedded node per test JVM for tests that need a real Elasticsearch but no Spring context (~10-20 s, paid once).
 * The node runs in a temporary directory and is stopped by its own shutdown hook when the JVM exits. Tests that share
 * it use their own index names or tenants.
 */
public final class SharedTestElasticsearch {

    private static @Nullable SharedTestElasticsearch instance;

    private final ElasticsearchConnection connection;
    private final ElasticsearchClient client;

    private SharedTestElasticsearch() {
        EmbeddedElasticsearch node = new EmbeddedElasticsearch(EmbeddedElasticsearchTest.properties(),
                new EmbeddedProperties(Path.of("."), true));
        this.connection = ElasticsearchConnection.embedded(node, EmbeddedElasticsearchTest.properties().startupTimeout());
        this.client = ElasticsearchConfiguration.client(connection);
    }

    /** Starts the node on the first call; returns without waiting for it to be ready. */
    public static synchronized SharedTestElasticsearch get() {
        if (instance == null) {
            instance = new SharedTestElasticsearch();
        }
        return instance;
    }

    public ElasticsearchConnection connection() {
        return connection;
    }

    /** A client like the app's bean (Jackson 3 mapper); call {@code connection().awaitReady()} before using it. */
    public ElasticsearchClient client() {
        return client;
    }
}
