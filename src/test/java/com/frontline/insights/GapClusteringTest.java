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
}
