package com.frontline.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.frontline.platform.elasticsearch.ElasticsearchConnection;
import com.frontline.search.internal.HybridRetriever;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/** The module's beans, without Elasticsearch: creating them neither contacts it nor loads the model. */
class SearchConfigurationTest {

    @EnableConfigurationProperties(SearchProperties.class)
    static class Properties {
    }

    final ElasticsearchConnection connection = mock(ElasticsearchConnection.class);
    final ElasticsearchClient client = mock(ElasticsearchClient.class);

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SearchConfiguration.class, Properties.class)
            .withBean(ElasticsearchConnection.class, () -> connection)
            .withBean(ElasticsearchClient.class, () -> client);

    @Test
    void createsTheIndexEmbedderAndRetrieverBeansWithoutTouchingElasticsearch() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(KnowledgeIndex.class).hasSingleBean(TextEmbedder.class)
                    .hasSingleBean(HybridRetriever.class);
            assertThat(context.getBean(SearchProperties.class).index()).isEqualTo("frontline-chunks");
            assertThat(context.getBean(SearchProperties.class).modelCacheDir()).isNull();
            assertThat(context.getBean(TextEmbedder.class).dimensions()).isEqualTo(384);
            verifyNoInteractions(connection, client);
        });
    }

    @Test
    void refusesAnIndexNameElasticsearchWouldRefuse() {
        runner.withPropertyValues("frontline.search.index=Chunks")
                .run(context -> assertThat(context).hasFailed());
    }
}
