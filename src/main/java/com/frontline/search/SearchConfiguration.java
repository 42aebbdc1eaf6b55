package com.frontline.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.frontline.platform.elasticsearch.ElasticsearchConnection;
import com.frontline.search.internal.HybridRetriever;
import com.frontline.search.internal.MiniLmTextEmbedder;
import org.springframework.beans.factory.ObjectProvider;
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

    /** Passage sources are looked up per search, so that a source may itself depend on search beans. */
    @Bean
    HybridRetriever hybridRetriever(KnowledgeIndex index, TextEmbedder embedder,
            ObjectProvider<PassageSource> sources) {
        return new HybridRetriever(index, embedder, () -> sources.orderedStream().toList());
    }
}
