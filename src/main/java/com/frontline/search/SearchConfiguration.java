package com.frontline.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.frontline.platform.elasticsearch.ElasticsearchConnection;
import com.frontline.search.internal.MiniLmTextEmbedder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Neither bean touches Elasticsearch or loads the model at startup. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    TextEmbedder textEmbedder(SearchProperties properties) {
        return new MiniLmTextEmbedder(properties.modelCacheDir());
    }

    @Bean
    KnowledgeIndex knowledgeIndex(ElasticsearchClient client, ElasticsearchConnection connection,
            SearchProperties properties) {
        return new KnowledgeIndex(client, connection, properties.index());
    }
}
