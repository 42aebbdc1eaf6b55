package com.frontline.search;

import com.frontline.platform.elasticsearch.SharedTestElasticsearch;
import com.frontline.shared.TenantId;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Indexing throughput end to end: MiniLM embeddings in batches, then bulk writes into the embedded Elasticsearch.
 * Not a test; run it with (the two sizes are optional)
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.frontline.search.IndexingBenchmark -Dbenchmark.chunks=2000 -Dbenchmark.batch=64
 * </pre>
 * (Not {@code -Dexec.args}: it would also replace the arguments of the pom's jOOQ codegen execution.)
 */
public final class IndexingBenchmark {

    static final String[] WORDS = ("account billing invoice refund payment card subscription plan upgrade "
            + "downgrade cancel renewal password login reset security two-factor device browser mobile app "
            + "notification email address shipping delivery order tracking return exchange warranty repair "
            + "support ticket agent response time hours weekend holiday policy terms privacy data export delete "
            + "customer team workspace admin role permission invite member report dashboard analytics usage "
            + "limit quota storage upload document spreadsheet integration webhook api key token error timeout "
            + "retry network outage status maintenance release feature request feedback survey rating the a of "
            + "to and in for on with is are can will your our you we this that when how what").split(" ");

    public static void main(String[] args) {
        int chunks = Integer.getInteger("benchmark.chunks", 2_000);
        int batch = Integer.getInteger("benchmark.batch", 64);
        List<String> texts = texts(chunks, 800, new Random(42));
        System.out.printf("%d chunks of %d chars on average, batches of %d, %d cores%n", chunks,
                texts.stream().mapToInt(String::length).sum() / chunks, batch,
                Runtime.getRuntime().availableProcessors());

        TextEmbedder embedder = SearchTestSupport.embedder();
        KnowledgeIndex index = SearchTestSupport.knowledgeIndex(SearchTestSupport.newIndexName("indexing-benchmark"));
        SharedTestElasticsearch.get().connection().awaitReady();
        index.ensureIndex();
        // load the model and warm up ONNX Runtime and the JIT outside the timings
        embedder.embedAll(texts.subList(0, Math.min(batch, chunks)));

        long start = System.nanoTime();
        for (int from = 0; from < chunks; from += batch) {
            embedder.embedAll(texts.subList(from, Math.min(chunks, from + batch)));
        }
        double embedSeconds = seconds(start);
        System.out.printf("embed only:        %6.1f s  %6.1f chunks/s%n", embedSeconds, chunks / embedSeconds);

        TenantId tenant = TenantId.of(UUID.randomUUID());
        UUID documentId = UUID.randomUUID();
        long indexNanos = 0;
        start = System.nanoTime();
        for (int from = 0; from < chunks; from += batch) {
            List<String> part = texts.subList(from, Math.min(chunks, from + batch));
            List<float[]> vectors = embedder.embedAll(part);
            List<IndexedChunk> batchChunks = new ArrayList<>(part.size());
            for (int i = 0; i < part.size(); i++) {
                batchChunks.add(new IndexedChunk(tenant, documentId, 1, UUID.randomUUID(), IndexedChunk.DOCUMENT, Visibility.PUBLIC,
                        "Chunk " + (from + i), List.of("Benchmark"), part.get(i), vectors.get(i), null));
            }
            long indexStart = System.nanoTime();
            index.index(tenant, batchChunks);
            indexNanos += System.nanoTime() - indexStart;
        }
        double totalSeconds = seconds(start);
        long refreshStart = System.nanoTime();
        index.refresh();
        double refreshSeconds = seconds(refreshStart);
        System.out.printf("embed + index:     %6.1f s  %6.1f chunks/s (bulk calls %.1f s of it: %.0f chunks/s)%n",
                totalSeconds, chunks / totalSeconds, indexNanos / 1e9, chunks / (indexNanos / 1e9));
        System.out.printf("final refresh:     %6.2f s; chunks in the index: %d%n", refreshSeconds, index.count(tenant));
        index.deleteTenant(tenant);
        // exec:java waits for the client's non-daemon I/O threads; the node stops with the JVM (shutdown hook)
        try {
            SharedTestElasticsearch.get().client().close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Sentences of random support vocabulary, cut at a word boundary near {@code length}. */
    static List<String> texts(int count, int length, Random random) {
        List<String> texts = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            StringBuilder text = new StringBuilder();
            int target = length - 80 + random.nextInt(161);
            while (text.length() < target) {
                int words = 6 + random.nextInt(12);
                for (int w = 0; w < words; w++) {
                    String word = WORDS[random.nextInt(WORDS.length)];
                    text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                    text.append(w == words - 1 ? ". " : " ");
                }
            }
            texts.add(text.toString().trim());
        }
        return texts;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
