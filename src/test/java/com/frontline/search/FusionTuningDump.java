package com.frontline.search;

import com.frontline.platform.elasticsearch.SharedTestElasticsearch;
import com.frontline.search.evaluation.BeirDataset;
import com.frontline.search.evaluation.ScratchCorpus;
import com.frontline.search.internal.HybridRetriever;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes each query's raw BM25 and kNN candidate lists (top 100, with scores) of a data set to a JSON-lines file, so
 * that fusion methods and weights can be compared offline without searching again. A tuning aid, not a test:
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.frontline.search.FusionTuningDump \
 *     -Dtuning.dataset=/work/shared/eval/covidfaq_jhu -Dtuning.out=target/tuning/covidfaq_jhu.jsonl
 * </pre>
 * {@code -Dtuning.limit=N} keeps N queries spread evenly over the file (as {@code eval-retrieval --limit} does).
 */
public final class FusionTuningDump {

    public static void main(String[] args) throws IOException {
        Path dataset = Path.of(System.getProperty("tuning.dataset"));
        Path outFile = Path.of(System.getProperty("tuning.out"));
        int depth = Integer.getInteger("tuning.depth", 100);
        BeirDataset data = BeirDataset.load(dataset);
        Integer limit = Integer.getInteger("tuning.limit");
        if (limit != null) {
            data = data.limit(limit);
        }
        TextEmbedder embedder = SearchTestSupport.embedder();
        KnowledgeIndex index = SearchTestSupport.knowledgeIndex(SearchTestSupport.newIndexName("fusion-tuning"));
        SharedTestElasticsearch.get().connection().awaitReady();
        JsonMapper json = JsonMapper.builder().build();
        Files.createDirectories(outFile.toAbsolutePath().getParent());
        try (ScratchCorpus corpus = ScratchCorpus.index(index, embedder, data);
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(outFile, StandardCharsets.UTF_8))) {
            int n = 0;
            for (BeirDataset.Query query : data.queries()) {
                String text = HybridRetriever.normalise(query.text());
                float[] vector = embedder.embed(text);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("q", query.id());
                line.put("text", text);
                line.put("bm25", hits(corpus, index.bm25(corpus.tenant(), Audience.TEAM, text, depth)));
                line.put("dense", hits(corpus, index.knn(corpus.tenant(), Audience.TEAM, vector, depth)));
                line.put("rel", data.qrels().get(query.id()));
                out.println(json.writeValueAsString(line));
                if (++n % 1000 == 0) {
                    System.out.println(n + " queries");
                }
            }
        }
        SharedTestElasticsearch.get().client().close();
    }

    private static List<List<Object>> hits(ScratchCorpus corpus, List<IndexHit> hits) {
        return hits.stream().map(h -> List.<Object>of(corpus.documentId(h.chunkId()), h.score())).toList();
    }
}
