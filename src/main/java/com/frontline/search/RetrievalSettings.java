package com.frontline.search;

import java.util.Objects;

/**
 * A workspace's retrieval knobs.
 *
 * @param fusion     how the BM25 and dense lists are merged
 * @param bm25Weight the share of the fused score that comes from BM25 (word match), in [0, 1]; the rest comes from
 *                   the dense (meaning) side. 1 searches by words only, 0 by meaning only. With
 *                   {@link Fusion#WEIGHTED} it is the base that each query's weight starts from.
 * @param topK       how many passages a search returns at most (1 to {@value #MAX_TOP_K})
 * @param candidates how many passages each retriever proposes before fusion ({@code topK} to
 *                   {@value #MAX_CANDIDATES})
 * @param minScore   passages whose fused score is below this are dropped, in [0, 1]; fused scores are relative to
 *                   the query's best candidates, so this trims the tail rather than judging absolute relevance
 */
public record RetrievalSettings(Fusion fusion, double bm25Weight, int topK, int candidates, double minScore) {

    public static final int MAX_TOP_K = 20;
    public static final int MAX_CANDIDATES = 200;

    public RetrievalSettings {
        Objects.requireNonNull(fusion, "fusion");
        if (!(bm25Weight >= 0 && bm25Weight <= 1)) {
            throw new IllegalArgumentException("bm25Weight must be between 0 and 1, was " + bm25Weight);
        }
        if (topK < 1 || topK > MAX_TOP_K) {
            throw new IllegalArgumentException("topK must be between 1 and " + MAX_TOP_K + ", was " + topK);
        }
        if (candidates < topK || candidates > MAX_CANDIDATES) {
            throw new IllegalArgumentException("candidates must be between topK (" + topK + ") and " + MAX_CANDIDATES
                    + ", was " + candidates);
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException("minScore must be between 0 and 1, was " + minScore);
        }
    }

    /**
     * Tuned on the shared evaluation sets and checked on four more (BENCHMARKS.md, "Hybrid retrieval"): weighted
     * fusion from a base BM25 weight of 0.4, which each query shifts towards the list whose winner stands out more
     * clearly, counting BM25's winner in full only when it matched the query's words strongly; five passages, at most
     * two of one document; 50 candidates per retriever; no minimum score.
     */
    public static RetrievalSettings defaults() {
        return new RetrievalSettings(Fusion.WEIGHTED, 0.4, 5, 50, 0.0);
    }

    public RetrievalSettings withBm25Weight(double weight) {
        return new RetrievalSettings(fusion, weight, topK, candidates, minScore);
    }

    public RetrievalSettings withTopK(int k) {
        return new RetrievalSettings(fusion, bm25Weight, k, Math.max(k, candidates), minScore);
    }
}
