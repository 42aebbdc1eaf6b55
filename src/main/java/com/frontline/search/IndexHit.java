package com.frontline.search;

import java.util.List;
import java.util.UUID;

/**
 * A chunk found by {@link KnowledgeIndex}. Scores are only comparable within one result list: BM25 scores are
 * unbounded, kNN scores are Elasticsearch's {@code (1 + cosine) / 2}.
 */
public record IndexHit(UUID chunkId, UUID documentId, int version, String title, List<String> headingPath,
        String text, double score) {

    public IndexHit {
        headingPath = List.copyOf(headingPath);
    }
}
