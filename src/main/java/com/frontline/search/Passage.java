package com.frontline.search;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * One retrieved chunk; searches return them best first.
 *
 * @param sourceType {@link IndexedChunk#DOCUMENT}, {@link IndexedChunk#ACCOUNT}, or what a {@link PassageSource}
 *                   sets for its own passages
 * @param visibility who may read it ({@link Visibility#PUBLIC} for every passage of a
 *                   {@link Audience#VISITORS} search)
 * @param score      the fused score in [0, 1] the ranking and {@link RetrievalSettings#minScore()} use; relative to
 *                   the query's other candidates, so not comparable across queries
 * @param relevance  absolute relevance in [0, 1], comparable across queries: the cosine similarity of the query's and
 *                   the chunk's embeddings (negative ones count as 0), for BM25-only hits too
 * @param bm25Rank   the passage's rank (1 = best) in the BM25 list, or null if BM25 did not propose it
 * @param denseRank  the passage's rank (1 = best) in the dense list, or null if the dense side did not propose it
 */
public record Passage(UUID chunkId, UUID documentId, int version, String sourceType, Visibility visibility, String title,
        List<String> headingPath, String text, @Nullable String sourceUrl,
        double score,
        double relevance,
        @Nullable Integer bm25Rank, @Nullable Integer denseRank) {

    public Passage {
        headingPath = List.copyOf(headingPath);
    }
}
