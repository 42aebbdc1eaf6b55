package com.frontline.search;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * A chunk found by {@link KnowledgeIndex}. Scores are only comparable within one result list: BM25 scores are
 * unbounded, kNN scores are Elasticsearch's {@code (1 + cosine) / 2}.
 *
 * @param sourceType {@link IndexedChunk#DOCUMENT} or {@link IndexedChunk#ACCOUNT}
 * @param visibility who may read it; a chunk indexed before visibilities existed counts as
 *                   {@link Visibility#INTERNAL} until it is indexed again
 * @param sourceUrl  where the chunk's source can be read, if it has an address
 */
public record IndexHit(UUID chunkId, UUID documentId, int version, String sourceType, Visibility visibility, String title,
        List<String> headingPath, String text, @Nullable String sourceUrl, double score) {

    public IndexHit {
        headingPath = List.copyOf(headingPath);
    }
}
