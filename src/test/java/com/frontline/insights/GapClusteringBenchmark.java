package com.frontline.insights;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Benchmark, not a test: clustering {@code -Dbenchmark.questions=50000} unanswered questions of one workspace, and
 * the analysis job's per-message work. Measured separately:
 * <ol>
 *   <li>clustering: {@link GapClustering#cluster} (Tribuo HDBSCAN* on a sample of {@code sampleSize}, the rest
 *   assigned by the model) plus {@link InsightsService#build} (centres, labels, terms, weekly counts) over synthetic
 *   384-dimension vectors around {@code benchmark.topics} planted topics with 5 % noise; the ARI against the planted
 *   topics is printed so a fast but wrong run shows;</li>
 *   <li>embedding questions with MiniLM (what the analysis job does once per unanswered question; the clustering
 *   itself never embeds: it reads the cached vectors);</li>
 *   <li>the local analysis of one message: intent, sentiment, language, answered.</li>
 * </ol>
 * Run with {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.frontline.insights.GapClusteringBenchmark}.
 */
public final class GapClusteringBenchmark {

    public static void main(String[] args) {
        int n = Integer.getInteger("benchmark.questions", 50_000);
        int topics = Integer.getInteger("benchmark.topics", 60);
        int sample = Integer.getInteger("benchmark.sample", 2_500);
        int minClusterSize = Integer.getInteger("benchmark.min-cluster-size", 3);
        System.out.printf("cores: %d, max heap: %d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        Random random = new Random(42);
        int dims = 384;
        List<float[]> centres = new ArrayList<>();
        for (int t = 0; t < topics; t++) {
            centres.add(unit(random, dims));
        }
        List<float[]> vectors = new ArrayList<>(n);
        int[] truth = new int[n];
        List<InsightsRepository.GapQuestion> questions = new ArrayList<>(n);
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = 0; i < n; i++) {
            float[] v;
            if (random.nextDouble() < 0.05) {
                v = unit(random, dims);
                truth[i] = 0;
            } else {
                int t = random.nextInt(topics);
                float[] c = centres.get(t);
                v = new float[dims];
                for (int d = 0; d < dims; d++) {
                    v[d] = c[d] + (float) (random.nextGaussian() * 0.03);
                }
                truth[i] = t + 1;
            }
            vectors.add(v);
            questions.add(new InsightsRepository.GapQuestion(UUID.randomUUID(), UUID.randomUUID(),
                    "question " + i + " about topic " + truth[i], now.minusHours(random.nextInt(24 * 56)), v));
        }

        for (int run = 1; run <= 3; run++) {
            long t0 = System.nanoTime();
            GapClustering.Result result = GapClustering.cluster(vectors, minClusterSize, sample);
            long t1 = System.nanoTime();
            List<InsightsRepository.NewCluster> clusters = InsightsService.build(questions, result.labels(), now);
            long t2 = System.nanoTime();
            System.out.printf("run %d: %,d questions, HDBSCAN+assign %.1f s, build %.1f s, total %.1f s; "
                            + "%d clusters, %,d clustered, ARI %.3f%n  %s%n", run, n, (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, (t2 - t0) / 1e9, clusters.size(),
                    clusters.stream().mapToInt(InsightsRepository.NewCluster::volume).sum(),
                    GapClustering.adjustedRandIndex(truth, result.labels()), result.method());
        }

        var model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        List<TextSegment> texts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            texts.add(TextSegment.from("How do I change the delivery address of order number " + i + "?"));
        }
        model.embedAll(texts.subList(0, 20));
        long e0 = System.nanoTime();
        model.embedAll(texts);
        double perSecond = texts.size() / ((System.nanoTime() - e0) / 1e9);
        System.out.printf("embedding: %.0f questions/s with MiniLM-L6-v2-q (50,000 would take %.0f s)%n", perSecond,
                50_000 / perSecond);

        String[] messages = {"How do I change the delivery address of my order?", "hello",
                "my parcel never arrived, this is unacceptable", "Please cancel my subscription",
                "Comment puis-je changer l'adresse de livraison de ma commande ?", "asdkjh qwelkj zxcmnb"};
        for (int i = 0; i < 2_000; i++) {
            analyse(messages[i % messages.length]);
        }
        int m = 50_000;
        long a0 = System.nanoTime();
        for (int i = 0; i < m; i++) {
            analyse(messages[i % messages.length] + " " + i);
        }
        System.out.printf("local analysis (intent, sentiment, language, answered): %.0f messages/s%n",
                m / ((System.nanoTime() - a0) / 1e9));
    }

    private static void analyse(String text) {
        Intent intent = LocalAnalysis.intent(text);
        LocalAnalysis.sentiment(LocalAnalysis.sentimentScore(text));
        LanguageGuess.of(text);
        LocalAnalysis.answered(intent, new LocalAnalysis.Reply(0.4, false, null, false, false), 0.35);
    }

    private static float[] unit(Random random, int dims) {
        float[] v = new float[dims];
        double norm = 0;
        for (int d = 0; d < dims; d++) {
            v[d] = (float) random.nextGaussian();
            norm += v[d] * v[d];
        }
        for (int d = 0; d < dims; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
