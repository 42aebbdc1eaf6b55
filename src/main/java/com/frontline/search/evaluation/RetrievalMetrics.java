package com.frontline.search.evaluation;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The standard ranking metrics for one query, as BEIR (pytrec_eval) computes them. {@code ranked} is the list of
 * document ids returned, best first; {@code relevant} maps each relevant document id to its graded score (> 0).
 * Hand-written: a few lines each, and the Java IR libraries that have them (Anserini, RankLib) are far too big a
 * dependency for that.
 */
public final class RetrievalMetrics {

    private RetrievalMetrics() {
    }

    /** The share of the relevant documents found in the first {@code k}. */
    public static double recall(List<String> ranked, Map<String, Integer> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0;
        }
        Set<String> seen = new HashSet<>();
        int found = 0;
        for (String id : ranked.subList(0, Math.min(k, ranked.size()))) {
            if (seen.add(id) && relevant.containsKey(id)) {
                found++;
            }
        }
        return (double) found / relevant.size();
    }

    /** 1 / the rank of the first relevant document within the first {@code k}; 0 if there is none. */
    public static double reciprocalRank(List<String> ranked, Map<String, Integer> relevant, int k) {
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.containsKey(ranked.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /**
     * Normalised discounted cumulative gain at {@code k}: the sum of each relevant document's score divided by
     * log2(rank + 1), over the same sum for the best possible order. A document listed twice counts once.
     */
    public static double ndcg(List<String> ranked, Map<String, Integer> relevant, int k) {
        Set<String> seen = new HashSet<>();
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            String id = ranked.get(i);
            if (seen.add(id)) {
                dcg += relevant.getOrDefault(id, 0) / log2(i + 2);
            }
        }
        int[] ideal = relevant.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.length); i++) {
            idcg += ideal[ideal.length - 1 - i] / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** The nearest-rank percentile ({@code p} in (0, 100]) of the values; 0 for none. */
    public static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
