package com.frontline.platform.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.frontline.platform.EmbeddedProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code frontline.elasticsearch.url} the app starts a real Elasticsearch itself; either way the rest of the
 * app sees one {@link ElasticsearchClient} and one {@link ElasticsearchConnection}. No bean here waits for the node.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(NoElasticsearchUrlCondition.class)
    EmbeddedElasticsearch embeddedElasticsearch(ElasticsearchProperties properties, EmbeddedProperties embedded) {
        return new EmbeddedElasticsearch(properties, embedded);
    }

    @Bean(destroyMethod = "close")
    ElasticsearchConnection elasticsearchConnection(ElasticsearchProperties properties,
            ObjectProvider<EmbeddedElasticsearch> embedded) {
        EmbeddedElasticsearch node = embedded.getIfAvailable();
        if (node != null) {
            return ElasticsearchConnection.embedded(node, properties.startupTimeout());
        }
        if (properties.url() == null) {
            throw new IllegalStateException("Neither frontline.elasticsearch.url nor an embedded node is available");
        }
        return ElasticsearchConnection.external(properties.url());
    }

    /** Closing the client closes its HTTP connection pool; the embedded node is stopped after it. */
    @Bean(destroyMethod = "close")
    ElasticsearchClient elasticsearchClient(ElasticsearchConnection connection) {
        return client(connection);
    }

    @Bean
    @ConditionalOnEnabledHealthIndicator("elasticsearch")
    ElasticsearchHealthIndicator elasticsearchHealthIndicator(ElasticsearchConnection connection) {
        return new ElasticsearchHealthIndicator(connection);
    }

    /** The client builds no connection until the first request, so it can exist before the node is up. */
    static ElasticsearchClient client(ElasticsearchConnection connection) {
        Rest5Client rest = Rest5Client.builder(connection.url()).build();
        // Jackson 3 like the rest of the app (Spring Boot 4); the client's default JacksonJsonpMapper is Jackson 2.
        return new ElasticsearchClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
    }
}
