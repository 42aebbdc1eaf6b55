package com.frontline.search;

import com.frontline.platform.elasticsearch.SharedTestElasticsearch;
import com.frontline.search.internal.HybridRetriever;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code eval-retrieval} command's core on a tiny BEIR folder written here, against the test JVM's shared
 * Elasticsearch (passed as a configured cluster, so no second node starts).
 */
class RetrievalEvaluationCommandTest {

    @TempDir
    static Path dataset;

    static String indexName;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void tinyDataSet() throws IOException {
        Files.writeString(dataset.resolve("corpus.jsonl"), """
                {"id": "refunds", "title": "Refund policy", "text": "Customers can ask for their money back within 30 days."}
                {"id": "password", "title": "Resetting your password", "text": "Use the forgot password link on the login page."}
                {"id": "shipping", "title": "Shipping times", "text": "Orders ship within two business days."}
                {"id": "warranty", "title": "Warranty", "text": "Every device has a two year warranty against defects."}
                """);
        Files.writeString(dataset.resolve("queries.jsonl"), """
                {"id": "q1", "text": "refund policy money back"}
                {"id": "q2", "text": "forgot my password"}
                {"id": "q3", "text": "how long does shipping take"}
                {"id": "q4", "text": "warranty for a broken device"}
                {"id": "q5", "text": "a query nobody judged"}
                """);
        Files.writeString(dataset.resolve("qrels.tsv"), """
                query-id\tcorpus-id\tscore
                q1\trefunds\t1
                q2\tpassword\t1
                q3\tshipping\t1
                q4\twarranty\t1
                """);
        indexName = SearchTestSupport.newIndexName("eval-command-test");
        SharedTestElasticsearch.get().connection().awaitReady();
    }

    static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--frontline.elasticsearch.url=" + SharedTestElasticsearch.get().connection().url());
        all.add("--frontline.search.index=" + indexName);
        all.add("--frontline.search.model-cache-dir=" + SearchTestSupport.MODEL_CACHE_DIR);
        // the process's own streams, as java -jar would have them: logs must end up in err only
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = RetrievalEvaluationCommand.run(all);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        stderr.print(err.toString(StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsOneJsonObjectPerModeAndNothingElse() {
        Run run = run("--dataset", dataset.toString(), "--mode", "all", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("Indexing 4 documents", "Running 4 queries in mode hybrid");
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> results = lines.stream().map(json::readTree).toList();
        assertThat(results).extracting(r -> r.get("mode").asString()).containsExactly("bm25", "dense", "hybrid");
        for (JsonNode r : results) {
            for (String key : List.of("queries", "recall@10", "mrr@10", "ndcg@10", "p50_ms", "p95_ms")) {
                assertThat(r.has(key)).as(key).isTrue();
            }
            // the unjudged query is left out; each query's document is easy to find in four
            assertThat(r.get("queries").asInt()).isEqualTo(4);
            assertThat(r.get("recall@10").asDouble()).isEqualTo(1.0);
            assertThat(r.get("mrr@10").asDouble()).isBetween(0.5, 1.0);
            assertThat(r.get("ndcg@10").asDouble()).isBetween(0.6, 1.0);
            assertThat(r.get("p95_ms").asDouble()).isGreaterThanOrEqualTo(r.get("p50_ms").asDouble()).isPositive();
        }
        assertThat(results.get(0).get("bm25_weight").asDouble()).isEqualTo(1.0);
        assertThat(results.get(1).get("bm25_weight").asDouble()).isEqualTo(0.0);
        assertThat(results.get(2).get("bm25_weight").asDouble())
                .isEqualTo(RetrievalSettings.defaults().bm25Weight());
    }

    @Test
    void printsATableAndRemovesTheScratchTenant() throws IOException {
        Run run = run("--dataset", dataset.toString(), "--mode", "hybrid", "--limit", "2");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("4 documents", "2 queries", "recall@1", "nDCG@10", "p95 ms")
                .containsPattern("hybrid +2 ")
                .doesNotContain("INFO");
        assertThat(run.err()).contains("Removed scratch tenant");
        var client = SharedTestElasticsearch.get().client();
        client.indices().refresh(r -> r.index(indexName));
        assertThat(client.count(c -> c.index(indexName)).count()).isZero();
    }

    @Test
    void badArgumentsPrintTheUsageAndExitWithTwo() {
        Run missingMode = run("--dataset", dataset.toString());
        assertThat(missingMode.exit()).isEqualTo(2);
        assertThat(missingMode.out()).isEmpty();
        assertThat(missingMode.err()).contains("--mode is required", "Usage: java -jar target/frontline.jar");

        Run noDataset = run("--dataset", dataset.resolve("nothing-here").toString(), "--mode", "bm25");
        assertThat(noDataset.exit()).isEqualTo(2);
        assertThat(noDataset.err()).contains("is not a directory");
    }

    @Test
    void startsElasticsearchAndSearchOnlyNoWebServerNoDatabase() {
        try (ConfigurableApplicationContext context = RetrievalEvaluationCommand.context(List.of(
                "--frontline.elasticsearch.url=" + SharedTestElasticsearch.get().connection().url()))) {
            assertThat(context).isNotInstanceOf(WebApplicationContext.class);
            assertThat(context.getBeansOfType(DataSource.class)).isEmpty();
            assertThat(context.getBeansOfType(KnowledgeSearch.class)).isEmpty();
            assertThat(context.getBean(HybridRetriever.class)).isNotNull();
            assertThat(context.getBean(KnowledgeIndex.class)).isNotNull();
        }
    }
}
