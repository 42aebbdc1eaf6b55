package com.frontline.insights;

import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.hdbscan.HdbscanModel;
import org.tribuo.clustering.hdbscan.HdbscanTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Density clustering of question embeddings with Tribuo's HDBSCAN* (a maintained library; nothing home-made).
 * <p>
 * HDBSCAN* in Tribuo computes all pairwise distances: O(n²) time and memory. Up to {@code sampleSize} questions are
 * clustered as they are; above that a uniform random sample (fixed seed, so the same questions give the same
 * clusters) of {@code sampleSize} is clustered and every other question is assigned by the trained model's
 * {@link HdbscanModel#predict} (nearest cluster exemplar, or noise when it is farther than the model's outlier bound).
 * Vectors are scaled to unit length first, so the Euclidean distance used orders pairs as the cosine does.
 */
public final class GapClustering {

    /** The label of questions in no cluster. */
    public static final int NOISE = 0;
    private static final long SEED = 13L;

    static {
        // Tribuo logs every training at INFO through java.util.logging
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
    }

    private GapClustering() {
    }

    /**
     * @param labels  one per input vector, {@link #NOISE} or a cluster number (1, 2, …)
     * @param sampled how many vectors HDBSCAN itself saw (the rest were assigned by the model)
     */
    public record Result(int[] labels, int sampled, String method) {
    }

    public static Result cluster(List<float[]> vectors, int minClusterSize, int sampleSize) {
        int n = vectors.size();
        if (n == 0) {
            return new Result(new int[0], 0, "none");
        }
        int dims = vectors.getFirst().length;
        String[] names = new String[dims];
        for (int d = 0; d < dims; d++) {
            names[d] = "d%04d".formatted(d);
        }
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        boolean sampling = n > sampleSize;
        if (sampling) {
            Collections.shuffle(order, new Random(SEED));
        }
        List<Integer> sample = order.subList(0, Math.min(n, sampleSize));
        ClusteringFactory factory = new ClusteringFactory();
        MutableDataset<ClusterID> data = new MutableDataset<>(new SimpleDataSourceProvenance("questions", factory),
                factory);
        for (int i : sample) {
            data.add(example(names, vectors.get(i)));
        }
        int k = Math.max(2, Math.min(minClusterSize, 10));
        HdbscanTrainer trainer = new HdbscanTrainer(minClusterSize, new L2Distance(), k,
                Math.max(1, Runtime.getRuntime().availableProcessors()), NeighboursQueryFactoryType.BRUTE_FORCE);
        HdbscanModel model = trainer.train(data);
        int[] labels = new int[n];
        Arrays.fill(labels, NOISE);
        List<Integer> trained = model.getClusterLabels();
        for (int s = 0; s < sample.size(); s++) {
            labels[sample.get(s)] = trained.get(s);
        }
        for (int s = sample.size(); s < n; s++) {
            int i = order.get(s);
            labels[i] = model.predict(example(names, vectors.get(i))).getOutput().getID();
        }
        String method = sampling
                ? "HDBSCAN* (Tribuo) on a random sample of %,d of %,d questions; the rest joined the nearest cluster"
                        .formatted(sample.size(), n)
                : "HDBSCAN* (Tribuo) on all %,d questions".formatted(n);
        return new Result(labels, sample.size(), method);
    }

    private static Example<ClusterID> example(String[] names, float[] vector) {
        double norm = 0;
        for (float f : vector) {
            norm += f * f;
        }
        norm = norm == 0 ? 1 : Math.sqrt(norm);
        double[] values = new double[vector.length];
        for (int d = 0; d < vector.length; d++) {
            values[d] = vector[d] / norm;
        }
        return new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, values);
    }

    /**
     * The adjusted Rand index of two labelings (Hubert and Arabie, 1985): 1 for identical partitions, about 0 for a
     * random one. Tribuo offers adjusted mutual information but not ARI; this is the textbook contingency-table form.
     */
    public static double adjustedRandIndex(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("Labelings differ in length");
        }
        java.util.Map<Long, Integer> cells = new java.util.HashMap<>();
        java.util.Map<Integer, Integer> rows = new java.util.HashMap<>();
        java.util.Map<Integer, Integer> cols = new java.util.HashMap<>();
        for (int i = 0; i < a.length; i++) {
            cells.merge(((long) a[i] << 32) | (b[i] & 0xffffffffL), 1, Integer::sum);
            rows.merge(a[i], 1, Integer::sum);
            cols.merge(b[i], 1, Integer::sum);
        }
        double index = cells.values().stream().mapToDouble(GapClustering::pairs).sum();
        double sumRows = rows.values().stream().mapToDouble(GapClustering::pairs).sum();
        double sumCols = cols.values().stream().mapToDouble(GapClustering::pairs).sum();
        double expected = sumRows * sumCols / pairs(a.length);
        double max = (sumRows + sumCols) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }

    private static double pairs(int n) {
        return n * (n - 1) / 2.0;
    }
}
