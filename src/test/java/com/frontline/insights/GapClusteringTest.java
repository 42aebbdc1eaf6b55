package com.frontline.insights;

import org.junit.jupiter.api.Test;
import org.tribuo.clustering.evaluation.ClusteringMetrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clustering recovers topics planted in generated data: questions around a few topic centres in a 384-dimension
 * space (as MiniLM's), plus scattered noise questions. The adjusted Rand index against the planted topics is printed.
 */
class GapClusteringTest {

    /** Points of {@code topics} planted topics ({@code perTopic} each) and {@code noise} scattered ones. */
    private record Planted(List<float[]> vectors, int[] truth) {
    }

    private static Planted planted(int topics, int perTopic, int noise, long seed) {
        Random random = new Random(seed);
        int dims = 384;
        List<float[]> vectors = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (int t = 0; t < topics; t++) {
            float[] centre = randomUnit(random, dims);
            for (int i = 0; i < perTopic; i++) {
                float[] v = new float[dims];
                for (int d = 0; d < dims; d++) {
                    v[d] = centre[d] + (float) (random.nextGaussian() * 0.025);
                }
                vectors.add(v);
                truth.add(t + 1);
            }
        }
        for (int i = 0; i < noise; i++) {
            vectors.add(randomUnit(random, dims));
            truth.add(0);
        }
        return new Planted(vectors, truth.stream().mapToInt(Integer::intValue).toArray());
    }

    private static float[] randomUnit(Random random, int dims) {
        float[] v = new float[dims];
        double n = 0;
        for (int d = 0; d < dims; d++) {
            v[d] = (float) random.nextGaussian();
            n += v[d] * v[d];
        }
        for (int d = 0; d < dims; d++) {
            v[d] /= (float) Math.sqrt(n);
        }
        return v;
    }

    @Test
    void recoversPlantedTopics() {
        Planted p = planted(6, 40, 20, 7);
        GapClustering.Result result = GapClustering.cluster(p.vectors(), 5, 2500);
        double ari = GapClustering.adjustedRandIndex(p.truth(), result.labels());
        double ami = ClusteringMetrics.adjustedMI(Arrays.stream(p.truth()).boxed().toList(),
                Arrays.stream(result.labels()).boxed().toList());
        System.out.printf("Planted 6 topics x 40 + 20 noise: %d clusters, ARI %.3f, AMI (Tribuo) %.3f%n",
                Arrays.stream(result.labels()).filter(l -> l != 0).distinct().count(), ari, ami);
        assertThat(result.sampled()).isEqualTo(p.vectors().size());
        assertThat(ari).isGreaterThan(0.8);
    }

    @Test
    void recoversPlantedTopicsFromASampleAndAssignsTheRest() {
        Planted p = planted(8, 250, 100, 11);
        GapClustering.Result result = GapClustering.cluster(p.vectors(), 5, 600);
        double ari = GapClustering.adjustedRandIndex(p.truth(), result.labels());
        System.out.printf("Planted 8 topics x 250 + 100 noise, sample 600 of %d: ARI %.3f (%s)%n",
                p.vectors().size(), ari, result.method());
        assertThat(result.sampled()).isEqualTo(600);
        assertThat(result.method()).contains("sample");
        assertThat(ari).isGreaterThan(0.8);
    }

    @Test
    void adjustedRandIndexIsOneForTheSamePartitionAndLowForARandomOne() {
        int[] a = {1, 1, 1, 2, 2, 2, 3, 3, 3};
        int[] renamed = {7, 7, 7, 5, 5, 5, 9, 9, 9};
        assertThat(GapClustering.adjustedRandIndex(a, renamed)).isEqualTo(1.0);
        int[] shuffled = {1, 2, 3, 1, 2, 3, 1, 2, 3};
        assertThat(GapClustering.adjustedRandIndex(a, shuffled)).isLessThan(0.1);
        // a worked example: ARI of {0,0,1,1} vs {0,0,1,2} is 0.5714… (sklearn gives the same)
        assertThat(GapClustering.adjustedRandIndex(new int[]{0, 0, 1, 1}, new int[]{0, 0, 1, 2}))
                .isCloseTo(0.5714, org.assertj.core.data.Offset.offset(0.001));
    }

    /** Real questions embedded with the app's MiniLM model: wordings of the same question fall into one cluster. */
    @Test
    void groupsRewordingsOfRealQuestionsEmbeddedWithMiniLm() {
        List<String> texts = List.of(
                "How do I change the delivery address of my order?",
                "Can I change the delivery address for my order?",
                "change delivery address of my order",
                "How can I update the delivery address on my order?",
                "Is it possible to change my order's delivery address?",
                "Do you sell gift cards for the garden centre?",
                "Can I buy a gift card for the garden centre?",
                "Are garden centre gift cards available?",
                "What is the warranty on a lawn mower?");
        int[] truth = {1, 1, 1, 1, 1, 2, 2, 2, 0};
        var model = new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel();
        List<float[]> vectors = texts.stream().map(t -> model.embed(t).content().vector()).toList();
        GapClustering.Result result = GapClustering.cluster(vectors, 3, 2500);
        double ari = GapClustering.adjustedRandIndex(truth, result.labels());
        System.out.printf("MiniLM rewordings: labels %s, ARI %.3f%n", Arrays.toString(result.labels()), ari);
        assertThat(result.labels()[0]).isNotEqualTo(GapClustering.NOISE);
        for (int i = 1; i < 5; i++) {
            assertThat(result.labels()[i]).as(texts.get(i)).isEqualTo(result.labels()[0]);
        }
        assertThat(result.labels()[5]).isNotEqualTo(result.labels()[0]);
    }
}
