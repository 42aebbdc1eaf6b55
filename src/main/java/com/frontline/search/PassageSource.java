package com.frontline.search;

import com.frontline.shared.TenantId;

import java.util.List;

/**
 * A source of passages consulted before the knowledge index, such as approved corrections (a later issue). Every
 * {@code PassageSource} bean is asked in {@link org.springframework.core.annotation.Order} order; their passages come
 * first in a search's result, ahead of the index's, and count towards {@link RetrievalSettings#topK()}. A passage
 * whose chunk id an earlier source or the index already returned is dropped.
 * <p>
 * Implementations must only return the tenant's own passages that the audience may see, and should return few: only
 * those they are sure of. (A passage the audience may not see is dropped anyway.)
 */
public interface PassageSource {

    /**
     * @param query       the query as searched: trimmed and at most {@link KnowledgeSearch#MAX_QUERY_CHARS} long
     * @param queryVector the query's embedding ({@link TextEmbedder}), so that sources need not embed it again
     * @return passages best first, with {@link Passage#score()} and {@link Passage#relevance()} in [0, 1]
     */
    List<Passage> find(TenantId tenant, Audience audience, String query, float[] queryVector,
                       RetrievalSettings settings);
}
