package com.frontline.platform.elasticsearch;

import co.elastic.clients.elasticsearch.indices.AnalyzeResponse;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integ-test distribution has no analysis-common; the build installs src/build/es-plugin into its plugins/ so
 * that {@code english} exists there as it does in a full Elasticsearch.
 */
class EnglishAnalyzerPluginTest {

    @Test
    void theEmbeddedNodeHasTheEnglishAnalyzer() throws Exception {
        SharedTestElasticsearch es = SharedTestElasticsearch.get();
        es.connection().awaitReady();

        AnalyzeResponse response = es.client().indices()
                .analyze(a -> a.analyzer("english").text("running customers' refunds"));

        assertThat(response.tokens()).extracting(AnalyzeToken::token).containsExactly("run", "custom", "refund");
    }

    @Test
    void anIndexCanConfigureTheEnglishAnalyzerLikeInAFullDistribution() throws Exception {
        SharedTestElasticsearch es = SharedTestElasticsearch.get();
        es.connection().awaitReady();
        String settings = """
                {"analysis": {"analyzer": {"english_keep_refunds": {
                    "type": "english", "stem_exclusion": ["refunds"], "stopwords": ["customers"]}}}}
                """;
        es.client().indices().create(c -> c.index("english-analyzer-test")
                .settings(s -> s.withJson(new StringReader(settings))));
        try {
            AnalyzeResponse response = es.client().indices().analyze(a -> a.index("english-analyzer-test")
                    .analyzer("english_keep_refunds").text("the running customers refunds"));

            // "the" is no stop word any more, "customers" is one, and "refunds" keeps its plural
            assertThat(response.tokens()).extracting(AnalyzeToken::token).containsExactly("the", "run", "refunds");
        } finally {
            es.client().indices().delete(d -> d.index("english-analyzer-test"));
        }
    }
}
