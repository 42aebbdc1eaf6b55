package com.frontline.search.internal;

import com.frontline.search.Fusion;
import com.frontline.search.IndexHit;
import com.frontline.search.RetrievalSettings;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Merges the BM25 and the dense result lists of one query into one ranking. Hand-written: Elasticsearch's own RRF
 * retriever needs an Enterprise licence, and neither it nor LangChain4j's RRF offers a weighted, normalised sum.
 * Pure arithmetic, no I/O.
 */
public final class Fuser {

    /** The usual RRF constant (Cormack et al. 2009): damps the difference between the first few ranks. */
    static final int RRF_K = 60;
    /** How many of a list's best scores its top score is compared with to judge how clearly it stands out. */
    static final int PEAK_WINDOW = 20;
    /**
     * BM25 points per query word from which a match counts as strong (English analyzer, title boosted twice, k1 1.2).
     * Measured on four collections (BENCHMARKS.md): median 2.1–2.3 where BM25 is a good retriever, 1.0 where it only
     * matches common words.
     */
    static final double STRONG_MATCH_PER_WORD = 2.0;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    private Fuser() {
    }

    /** One fused candidate; ranks are 1-based and null when that retriever did not propose the chunk. */
    public record Fused(IndexHit hit, double score, @Nullable Integer bm25Rank, @Nullable Integer denseRank,
            @Nullable Double denseScore) {
    }

    /**
     * All candidates of both lists, best first, with fused scores in [0, 1]. The order is deterministic: each list's
     * equal scores are ranked by chunk id (Elasticsearch returns them in index order, which merges may change), fused
     * scores are rounded to {@value #SCORE_PRECISION} so that floating-point noise cannot split a tie, and ties go to
     * the better single rank, then to the chunk id.
     *
     * @param bm25Hits  BM25 hits, best first
     * @param denseHits kNN hits, best first, scored {@code (1 + cosine) / 2}
     */
    public static List<Fused> fuse(List<IndexHit> bm25Hits, List<IndexHit> denseHits, RetrievalSettings settings) {
        return fuse(bm25Hits, denseHits, 0, settings);
    }

    /**
     * As {@link #fuse(List, List, RetrievalSettings)}, with the query's number of words ({@link #countWords}), which
     * lets the per-query weight judge how strongly BM25 matched (0 if unknown).
     */
    public static List<Fused> fuse(List<IndexHit> bm25Hits, List<IndexHit> denseHits, int queryWords,
            RetrievalSettings settings) {
        List<IndexHit> bm25 = ranked(bm25Hits);
        List<IndexHit> dense = ranked(denseHits);
        Map<UUID, Candidate> candidates = new LinkedHashMap<>();
        for (int i = 0; i < bm25.size(); i++) {
            candidates.computeIfAbsent(bm25.get(i).chunkId(), id -> new Candidate()).bm25(bm25.get(i), i + 1);
        }
        for (int i = 0; i < dense.size(); i++) {
            candidates.computeIfAbsent(dense.get(i).chunkId(), id -> new Candidate()).dense(dense.get(i), i + 1);
        }
        double w = settings.fusion() == Fusion.WEIGHTED ? queryWeight(bm25, dense, queryWords, settings.bm25Weight())
                : settings.bm25Weight();
        Normaliser bm25Scale = Normaliser.minMax(bm25);
        Normaliser denseScale = Normaliser.minMax(dense);
        List<Fused> fused = new ArrayList<>(candidates.size());
        for (Candidate c : candidates.values()) {
            double score = switch (settings.fusion()) {
                case WEIGHTED -> w * (c.bm25 == null ? 0 : bm25Scale.apply(c.bm25.score()))
                        + (1 - w) * (c.dense == null ? 0 : denseScale.apply(c.dense.score()));
                case RRF -> (RRF_K + 1) * (w * reciprocal(c.bm25Rank) + (1 - w) * reciprocal(c.denseRank));
            };
            fused.add(new Fused(c.hit(), rounded(clamp(score)), c.bm25Rank, c.denseRank,
                    c.dense == null ? null : c.dense.score()));
        }
        fused.sort(Comparator.comparingDouble(Fused::score).reversed()
                .thenComparingInt(f -> Math.min(rankOrMax(f.bm25Rank()), rankOrMax(f.denseRank())))
                .thenComparing(f -> f.hit().chunkId(), BY_ID));
        return fused;
    }

    /**
     * The BM25 weight for this query: the base weight shifted towards the list whose best candidate stands out more
     * clearly from its next ones, where BM25's winner only counts in full if it matched the query's words strongly.
     * <ul>
     *   <li>Clarity is the top score's z-score among the list's first {@value #PEAK_WINDOW} scores.</li>
     *   <li>Match strength is BM25's top score per word of the query, against {@value #STRONG_MATCH_PER_WORD}: a
     *   rare word or several words matched score a few points each, common words alone well under one. The BM25
     *   clarity is multiplied by {@code min(1, strength / }{@value #STRONG_MATCH_PER_WORD}{@code )}.</li>
     *   <li>The weight is {@code base·cB² / (base·cB² + (1 − base)·cD²)}.</li>
     * </ul>
     * A base of 0 or 1 stays as it is, and so does the base when either list has fewer than three candidates or no
     * spread. With {@code queryWords} 0 (unknown) the match strength is not used.
     * <p>
     * Clarity alone (BENCHMARKS.md, "Hybrid retrieval") beat every fixed weight on a word-heavy question set (where
     * BM25's winner stands out) and a paraphrase-heavy FAQ set (where the dense winner does), but not where BM25 only
     * matches common words: its winner still stands out, on a word like "virus", and pulled the better dense ranking
     * down (BENCHMARKS.md, "Fusion that does not lose to its best part").
     */
    static double queryWeight(List<IndexHit> bm25, List<IndexHit> dense, int queryWords, double base) {
        if (base <= 0 || base >= 1) {
            return base;
        }
        Double bm25Clarity = clarity(bm25);
        Double denseClarity = clarity(dense);
        if (bm25Clarity == null || denseClarity == null) {
            return base;
        }
        double clear = bm25Clarity * matchStrength(bm25, queryWords);
        double words = base * clear * clear;
        double meaning = (1 - base) * denseClarity * denseClarity;
        return words / (words + meaning);
    }

    static double queryWeight(List<IndexHit> bm25, List<IndexHit> dense, double base) {
        return queryWeight(bm25, dense, 0, base);
    }

    /** BM25's top score per query word against {@value #STRONG_MATCH_PER_WORD}, in (0, 1]; 1 if the words are unknown. */
    static double matchStrength(List<IndexHit> bm25, int queryWords) {
        if (queryWords <= 0 || bm25.isEmpty()) {
            return 1;
        }
        double perWord = bm25.getFirst().score() / queryWords;
        return Math.max(1e-3, Math.min(1, perWord / STRONG_MATCH_PER_WORD));
    }

    /** The words of a query as match strength counts them: runs of letters, digits and underscores. */
    public static int countWords(String query) {
        return (int) WORD.matcher(query).results().count();
    }

    /** The z-score of the list's top score among its first {@value #PEAK_WINDOW}; null if it cannot be told. */
    static @Nullable Double clarity(List<IndexHit> hits) {
        int n = Math.min(PEAK_WINDOW, hits.size());
        if (n < 3) {
            return null;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += hits.get(i).score();
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = hits.get(i).score() - mean;
            squares += d * d;
        }
        double deviation = Math.sqrt(squares / n);
        if (deviation < 1e-9) {
            return null;
        }
        double top = 0;
        for (int i = 0; i < n; i++) {
            top = Math.max(top, (hits.get(i).score() - mean) / deviation);
        }
        return Math.max(top, 1e-6);
    }

    /** A retriever's hits best first, equal scores by chunk id; the first of a repeated chunk is kept. */
    static List<IndexHit> ranked(List<IndexHit> hits) {
        List<IndexHit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingDouble(IndexHit::score).reversed().thenComparing(IndexHit::chunkId, BY_ID));
        return sorted;
    }

    /**
     * Ids in the order of their text, as Elasticsearch sorts the keyword (UUID's own order compares signed halves and
     * puts {@code ffffffff-…} before {@code 00000000-…}).
     */
    static final Comparator<UUID> BY_ID = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    /** Fused scores are compared at this precision: differences below it are arithmetic noise, not relevance. */
    static final double SCORE_PRECISION = 1e-9;

    static double rounded(double score) {
        return Math.rint(score / SCORE_PRECISION) * SCORE_PRECISION;
    }

    private static double reciprocal(@Nullable Integer rank) {
        return rank == null ? 0 : 1.0 / (RRF_K + rank);
    }

    private static int rankOrMax(@Nullable Integer rank) {
        return rank == null ? Integer.MAX_VALUE : rank;
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(1, score));
    }

    /** Maps a list's scores onto [0, 1]: its best candidate to 1, its worst to 0. */
    record Normaliser(double min, double max) {

        static Normaliser minMax(List<IndexHit> hits) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (IndexHit hit : hits) {
                min = Math.min(min, hit.score());
                max = Math.max(max, hit.score());
            }
            return new Normaliser(min, max);
        }

        double apply(double score) {
            // one candidate, or all equally good: each is the list's best
            return max - min < 1e-9 ? 1 : (score - min) / (max - min);
        }
    }

    private static final class Candidate {
        @Nullable IndexHit bm25;
        @Nullable IndexHit dense;
        @Nullable Integer bm25Rank;
        @Nullable Integer denseRank;

        void bm25(IndexHit hit, int rank) {
            if (bm25 == null) {
                bm25 = hit;
                bm25Rank = rank;
            }
        }

        void dense(IndexHit hit, int rank) {
            if (dense == null) {
                dense = hit;
                denseRank = rank;
            }
        }

        IndexHit hit() {
            return bm25 != null ? bm25 : java.util.Objects.requireNonNull(dense);
        }
    }
}
