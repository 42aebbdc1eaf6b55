package com.frontline.search;

import com.frontline.platform.elasticsearch.SharedTestElasticsearch;
import com.frontline.search.evaluation.RetrievalMetrics;
import com.frontline.search.internal.Fuser;
import com.frontline.search.internal.HybridRetriever;
import com.frontline.shared.TenantId;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Retrieval latency with 10,000 and then 100,000 chunks in one tenant, through {@link HybridRetriever} with the
 * default settings (what the chat does per question: embed the query, BM25 and kNN in one {@code _msearch}, fuse,
 * relevance lookup), plus each step alone; with {@code -Dbenchmark.variants=true} also two other ways to order the
 * steps (all in sequence; BM25 on a second client thread while the query is embedded and kNN runs). Not a test; run it with
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.frontline.search.RetrievalLatencyBenchmark -Dbenchmark.sizes=10000,100000
 * </pre>
 * Chunk texts are random words drawn with Zipf's law (exponent 1.05) from the support vocabulary of
 * {@link IndexingBenchmark} followed by 40,000 made-up words, so that a few words are everywhere and most are rare, as
 * in real text (with only the small vocabulary, every query word would match nearly every chunk, which no real
 * knowledge base does and which makes BM25 look several times slower). The first 10,000 chunks get real
 * MiniLM embeddings; beyond that, embedding every chunk would take ~17 min on 2 cores, so each further chunk reuses
 * one of those 10,000 vectors with Gaussian noise added (cosine ~0.9 to its source), which keeps the vectors'
 * distribution close to real ones. Queries are embedded for real, each time.
 */
public final class RetrievalLatencyBenchmark {

    private static final int REAL_VECTORS = Integer.getInteger("benchmark.realVectors", 10_000);
    private static final int QUERIES = 500;
    private static final int WARM_UP = 100;

    public static void main(String[] args) throws Exception {
        int[] sizes = java.util.Arrays.stream(System.getProperty("benchmark.sizes", "10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Random random = new Random(7);
        TextEmbedder embedder = SearchTestSupport.embedder();
        KnowledgeIndex index = SearchTestSupport.knowledgeIndex(SearchTestSupport.newIndexName("latency-benchmark"));
        SharedTestElasticsearch.get().connection().awaitReady();
        index.ensureIndex();
        HybridRetriever retriever = new HybridRetriever(index, embedder, List::of);
        var parallel = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        TenantId tenant = TenantId.of(UUID.randomUUID());
        ZipfText zipf = new ZipfText(40_000, 1.05, random);
        List<String> queries = questions(zipf, QUERIES + WARM_UP, random);
        System.out.printf(Locale.ROOT, "%d cores, max heap %d MB; %d queries after %d warm-up queries%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, QUERIES, WARM_UP);

        List<float[]> realVectors = new ArrayList<>();
        int indexed = 0;
        for (int size : sizes) {
            long start = System.nanoTime();
            while (indexed < size) {
                int batch = Math.min(500, size - indexed);
                List<String> texts = zipf.texts(batch, 800, random);
                List<float[]> vectors;
                if (realVectors.size() < REAL_VECTORS) {
                    vectors = new ArrayList<>();
                    for (int i = 0; i < texts.size(); i += 64) {
                        vectors.addAll(embedder.embedAll(texts.subList(i, Math.min(texts.size(), i + 64))));
                    }
                    realVectors.addAll(vectors);
                } else {
                    vectors = texts.stream().map(t -> noisy(realVectors.get(random.nextInt(REAL_VECTORS)), random))
                            .toList();
                }
                List<IndexedChunk> chunks = new ArrayList<>(batch);
                UUID documentId = UUID.randomUUID();
                for (int i = 0; i < batch; i++) {
                    chunks.add(new IndexedChunk(tenant, documentId, 1, UUID.randomUUID(), IndexedChunk.DOCUMENT, Visibility.PUBLIC,
                            "Article " + (indexed + i), List.of("Help", "Section " + (indexed + i) % 50),
                            texts.get(i), vectors.get(i), null));
                }
                index.index(tenant, chunks);
                indexed += batch;
            }
            index.refresh();
            System.out.printf(Locale.ROOT, "%n%,d chunks in the tenant (%,d real embeddings; added in %.0f s)%n",
                    index.count(tenant), Math.min(indexed, REAL_VECTORS), (System.nanoTime() - start) / 1e9);

            RetrievalSettings defaults = RetrievalSettings.defaults();
            measure("embed query", queries, q -> embedder.embed(q));
            measure("BM25 (50)", queries, q -> index.bm25(tenant, Audience.TEAM, q, defaults.candidates()));
            List<float[]> queryVectors = queries.stream().map(embedder::embed).toList();
            int[] next = { 0 };
            measure("kNN (50)", queries, q -> index.knn(tenant, Audience.TEAM, queryVectors.get(next[0]++ % queryVectors.size()),
                    defaults.candidates()));
            List<UUID> someChunks = index.bm25(tenant, Audience.TEAM, "refund invoice", 5).stream().map(IndexHit::chunkId).toList();
            next[0] = 0;
            measure("relevance of 5 chunks", queries, q -> index.similarities(tenant, Audience.TEAM,
                    queryVectors.get(next[0]++ % queryVectors.size()), someChunks));
            measure("search, hybrid (default)", queries, q -> retriever.search(tenant, Audience.TEAM, q, defaults));
            if (Boolean.getBoolean("benchmark.variants")) {
                measure("variant: steps in sequence", queries, q -> {
                    float[] v = embedder.embed(q);
                    List<IndexHit> b = index.bm25(tenant, Audience.TEAM, q, defaults.candidates());
                    List<IndexHit> d = index.knn(tenant, Audience.TEAM, v, defaults.candidates());
                    relevance(index, tenant, v, Fuser.fuse(b, d, defaults), defaults.topK());
                });
                measure("variant: BM25 on a 2nd thread", queries, q -> {
                    var b = java.util.concurrent.CompletableFuture.supplyAsync(
                            () -> index.bm25(tenant, Audience.TEAM, q, defaults.candidates()), parallel);
                    float[] v = embedder.embed(q);
                    List<IndexHit> d = index.knn(tenant, Audience.TEAM, v, defaults.candidates());
                    relevance(index, tenant, v, Fuser.fuse(b.join(), d, defaults), defaults.topK());
                });
            }
            measure("search, BM25 only", queries, q -> retriever.search(tenant, Audience.TEAM, q, defaults.withBm25Weight(1)));
            measure("search, dense only", queries, q -> retriever.search(tenant, Audience.TEAM, q, defaults.withBm25Weight(0)));
        }
        index.deleteTenant(tenant);
        SharedTestElasticsearch.get().client().close();
    }

    private static void relevance(KnowledgeIndex index, TenantId tenant, float[] vector, List<Fuser.Fused> fused,
            int topK) {
        index.similarities(tenant, Audience.TEAM, vector, fused.stream().limit(topK).filter(f -> f.denseScore() == null)
                .map(f -> f.hit().chunkId()).toList());
    }

    private static void measure(String what, List<String> queries, Consumer<String> call) {
        for (String query : queries.subList(0, WARM_UP)) {
            call.accept(query);
        }
        List<String> timed = queries.subList(WARM_UP, queries.size());
        double[] millis = new double[timed.size()];
        for (int i = 0; i < timed.size(); i++) {
            long start = System.nanoTime();
            call.accept(timed.get(i));
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf(Locale.ROOT, "  %-26s p50 %6.1f ms   p95 %6.1f ms%n", what,
                RetrievalMetrics.percentile(millis, 50), RetrievalMetrics.percentile(millis, 95));
    }

    /** Short questions in the vocabulary of the chunks, like customers type them. */
    private static List<String> questions(ZipfText zipf, int count, Random random) {
        String[] starts = { "how do I", "can I", "why is my", "where do I find the", "what happens to my",
                "is there a", "I cannot", "when will my" };
        List<String> questions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder question = new StringBuilder(starts[random.nextInt(starts.length)]);
            int words = 2 + random.nextInt(5);
            for (int w = 0; w < words; w++) {
                question.append(' ').append(zipf.word(random));
            }
            questions.add(question.append('?').toString());
        }
        return questions;
    }

    /** Words with Zipf-distributed frequencies: the support vocabulary first, then made-up words. */
    static final class ZipfText {

        private static final String[] SYLLABLES = ("ka to ri me su na lo pe vi da gu ne ho ra mi ze bo tu la fe "
                + "si ko ma de pu ri no ve ga lu").split(" ");

        private final String[] vocabulary;
        private final double[] cumulative;

        ZipfText(int madeUpWords, double exponent, Random random) {
            List<String> words = new ArrayList<>(List.of(IndexingBenchmark.WORDS));
            java.util.Set<String> seen = new java.util.HashSet<>(words);
            while (words.size() < IndexingBenchmark.WORDS.length + madeUpWords) {
                StringBuilder word = new StringBuilder();
                int syllables = 2 + random.nextInt(3);
                for (int i = 0; i < syllables; i++) {
                    word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
                }
                if (seen.add(word.toString())) {
                    words.add(word.toString());
                }
            }
            vocabulary = words.toArray(String[]::new);
            cumulative = new double[vocabulary.length];
            double sum = 0;
            for (int rank = 0; rank < vocabulary.length; rank++) {
                sum += 1 / Math.pow(rank + 1, exponent);
                cumulative[rank] = sum;
            }
            for (int rank = 0; rank < vocabulary.length; rank++) {
                cumulative[rank] /= sum;
            }
        }

        String word(Random random) {
            int index = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            return vocabulary[Math.min(vocabulary.length - 1, index < 0 ? -index - 1 : index)];
        }

        List<String> texts(int count, int length, Random random) {
            List<String> texts = new ArrayList<>(count);
            for (int n = 0; n < count; n++) {
                StringBuilder text = new StringBuilder();
                int target = length - 80 + random.nextInt(161);
                while (text.length() < target) {
                    int words = 6 + random.nextInt(12);
                    for (int w = 0; w < words; w++) {
                        String word = word(random);
                        text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                        text.append(w == words - 1 ? ". " : " ");
                    }
                }
                texts.add(text.toString().trim());
            }
            return texts;
        }
    }

    /** The vector plus Gaussian noise, renormalised: cosine to the source about 0.9. */
    private static float[] noisy(float[] source, Random random) {
        float[] vector = new float[source.length];
        double norm = 0;
        for (int i = 0; i < source.length; i++) {
            vector[i] = (float) (source[i] + random.nextGaussian() * 0.025);
            norm += vector[i] * vector[i];
        }
        double scale = 1 / Math.sqrt(norm);
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) (vector[i] * scale);
        }
        return vector;
    }
}
