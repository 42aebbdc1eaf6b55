package com.frontline.search.internal;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.CountRequest;
import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import com.frontline.search.Audience;
import com.frontline.search.IndexedChunk;
import com.frontline.search.Visibility;
import com.frontline.shared.TenantId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Every request the chunks index receives, built here and only here, each scoped to one tenant: searches, counts
 * and deletes carry the tenant term filter from {@link #tenantFilter(TenantId)} (for kNN inside the kNN filter, so the
 * nearest neighbours are chosen among the tenant's chunks), and every request is routed by the tenant.
 * <p>
 * Searches also name their {@link Audience}, and {@link #searchFilters(TenantId, Audience)} adds what it may not see
 * next to the tenant filter: a {@link Audience#VISITORS} search only matches chunks whose {@code visibility} is
 * {@code PUBLIC} (a positive term, so a chunk without the field, indexed before it existed, is never shown to them).
 */
public final class ChunkRequests {

    private static final int MAX_NUM_CANDIDATES = 10_000;
    private static final int DELETE_BATCH = 1_000;

    private final String index;

    public ChunkRequests(String index) {
        this.index = index;
    }

    /** The one place that builds the tenant filter. */
    private static Query tenantFilter(TenantId tenant) {
        return Query.of(q -> q.term(t -> t.field(ChunksIndex.TENANT_ID).value(tenant.toString())));
    }

    /**
     * The one place that builds what a search may return: the tenant's chunks, and for visitors only the public ones.
     * A switch without a default, so a new audience cannot compile without deciding what it sees.
     */
    private static List<Query> searchFilters(TenantId tenant, Audience audience) {
        Objects.requireNonNull(audience, "Every search names its audience");
        return switch (audience) {
            case TEAM -> List.of(tenantFilter(tenant));
            case VISITORS -> List.of(tenantFilter(tenant), visibilityFilter(Visibility.PUBLIC));
        };
    }

    private static Query visibilityFilter(Visibility visibility) {
        return Query.of(q -> q.term(t -> t.field(ChunksIndex.VISIBILITY).value(visibility.name())));
    }

    /** Matches the tenant's chunks that match every one of {@code filters}. */
    private static Query scoped(TenantId tenant, List<Query> filters, List<Query> mustNot) {
        List<Query> all = new ArrayList<>();
        all.add(tenantFilter(tenant));
        all.addAll(filters);
        return Query.of(q -> q.bool(b -> b.filter(all).mustNot(mustNot)));
    }

    private static String routing(TenantId tenant) {
        return tenant.toString();
    }

    /** Writes the chunks with the tenant of the argument; the caller has checked that they all belong to it. */
    public BulkRequest index(TenantId tenant, List<IndexedChunk> chunks) {
        List<BulkOperation> operations = chunks.stream()
                .map(chunk -> BulkOperation.of(o -> o.index(i -> i
                        .id(ChunksIndex.documentId(tenant, chunk.chunkId()))
                        .document(ChunkDocument.of(tenant, chunk)))))
                .toList();
        return BulkRequest.of(b -> b.index(index).routing(routing(tenant)).operations(operations));
    }

    public SearchRequest bm25(TenantId tenant, Audience audience, String text, int k) {
        Query match = Query.of(q -> q.multiMatch(m -> m
                .query(text)
                .fields(ChunksIndex.TITLE + "^2", ChunksIndex.HEADING_PATH, ChunksIndex.TEXT)));
        return SearchRequest.of(s -> s
                .index(index)
                .routing(routing(tenant))
                .query(q -> q.bool(b -> b.filter(searchFilters(tenant, audience)).must(match)))
                .size(k)
                .source(src -> src.filter(f -> f.includes(ChunkHitSource.FIELDS))));
    }

    public SearchRequest knn(TenantId tenant, Audience audience, float[] vector, int k) {
        // HNSW explores this many per shard: 2k (at least 100) keeps recall near exact at a fraction of 10k's cost
        int candidates = Math.min(MAX_NUM_CANDIDATES, Math.max(100, 2 * k));
        return knn(tenant, vector, k, candidates, searchFilters(tenant, audience), ChunkHitSource.FIELDS);
    }

    /** BM25 and kNN in one round trip; Elasticsearch runs the two searches side by side. */
    public MsearchRequest bm25AndKnn(TenantId tenant, Audience audience, String text, float[] vector, int k) {
        return MsearchRequest.of(m -> m
                .index(index)
                .routing(routing(tenant))
                .searches(item(bm25(tenant, audience, text, k)), item(knn(tenant, audience, vector, k))));
    }

    private static RequestItem item(SearchRequest search) {
        return RequestItem.of(i -> i
                .header(h -> h.index(search.index()).routing(search.routing()))
                .body(b -> {
                    b.size(search.size()).source(search.source());
                    if (search.query() != null) {
                        b.query(search.query());
                    }
                    if (!search.knn().isEmpty()) {
                        b.knn(search.knn());
                    }
                    return b;
                }));
    }

    /**
     * The given chunks' similarity to {@code vector}: a kNN search whose filter leaves only those chunks, so that
     * Lucene compares the vector with each of them (exact search) instead of walking the graph. Fetches the chunk id.
     */
    public SearchRequest similarity(TenantId tenant, Audience audience, float[] vector, Collection<UUID> chunkIds) {
        if (chunkIds.isEmpty() || chunkIds.size() > MAX_NUM_CANDIDATES) {
            throw new IllegalArgumentException("Between 1 and " + MAX_NUM_CANDIDATES + " chunk ids, not "
                    + chunkIds.size());
        }
        List<FieldValue> ids = chunkIds.stream().map(id -> FieldValue.of(id.toString())).toList();
        Query chunks = Query.of(q -> q.terms(t -> t.field(ChunksIndex.CHUNK_ID).terms(v -> v.value(ids))));
        List<Query> filters = new ArrayList<>(searchFilters(tenant, audience));
        filters.add(chunks);
        return knn(tenant, vector, ids.size(), ids.size(), filters, List.of(ChunksIndex.CHUNK_ID));
    }

    private SearchRequest knn(TenantId tenant, float[] vector, int k, int candidates, List<Query> filters,
            List<String> fields) {
        List<Float> queryVector = new ArrayList<>(vector.length);
        for (float value : vector) {
            queryVector.add(value);
        }
        return SearchRequest.of(s -> s
                .index(index)
                .routing(routing(tenant))
                .knn(n -> n
                        .field(ChunksIndex.EMBEDDING)
                        .queryVector(queryVector)
                        .k(k)
                        .numCandidates(candidates)
                        .filter(filters))
                .size(k)
                .source(src -> src.filter(f -> f.includes(fields))));
    }

    public CountRequest count(TenantId tenant) {
        return CountRequest.of(c -> c.index(index).routing(routing(tenant)).query(scoped(tenant, List.of(), List.of())));
    }

    /** The tenant's chunks of one document (or other source), of any version. */
    public CountRequest countDocument(TenantId tenant, UUID documentId) {
        return CountRequest.of(c -> c.index(index).routing(routing(tenant))
                .query(scoped(tenant, List.of(documentTerm(documentId)), List.of())));
    }

    /** The tenant's chunks indexed before they had a visibility: they need indexing again. */
    public CountRequest countWithoutVisibility(TenantId tenant) {
        Query missing = Query.of(q -> q.exists(e -> e.field(ChunksIndex.VISIBILITY)));
        return CountRequest.of(c -> c.index(index).routing(routing(tenant))
                .query(scoped(tenant, List.of(), List.of(missing))));
    }

    /**
     * Deleting is a search for ids followed by a bulk delete, repeated until nothing matches: the embedded
     * distribution has no reindex module and so no {@code _delete_by_query}. These select the next batch.
     */
    public SearchRequest tenantChunks(TenantId tenant) {
        return nextToDelete(tenant, scoped(tenant, List.of(), List.of()));
    }

    public SearchRequest documentChunks(TenantId tenant, UUID documentId) {
        return nextToDelete(tenant, scoped(tenant, List.of(documentTerm(documentId)), List.of()));
    }

    public SearchRequest otherVersions(TenantId tenant, UUID documentId, int keepVersion) {
        Query keep = Query.of(q -> q.term(t -> t.field(ChunksIndex.VERSION).value(keepVersion)));
        return nextToDelete(tenant, scoped(tenant, List.of(documentTerm(documentId)), List.of(keep)));
    }

    /** The document's chunks of versions older than {@code version}. */
    public SearchRequest olderVersions(TenantId tenant, UUID documentId, int version) {
        Query older = Query.of(q -> q.range(r -> r.number(n -> n.field(ChunksIndex.VERSION).lt((double) version))));
        return nextToDelete(tenant, scoped(tenant, List.of(documentTerm(documentId), older), List.of()));
    }

    /** The chunks of any of the documents (or other sources) whose version is not {@code keepVersion}. */
    public SearchRequest otherVersions(TenantId tenant, Collection<UUID> documentIds, int keepVersion) {
        List<FieldValue> ids = documentIds.stream().map(id -> FieldValue.of(id.toString())).toList();
        Query documents = Query.of(q -> q.terms(t -> t.field(ChunksIndex.DOCUMENT_ID).terms(v -> v.value(ids))));
        Query keep = Query.of(q -> q.term(t -> t.field(ChunksIndex.VERSION).value(keepVersion)));
        return nextToDelete(tenant, scoped(tenant, List.of(documents), List.of(keep)));
    }

    /** Deletes chunks by Elasticsearch id (ids found by one of the searches above), refreshing afterwards. */
    public BulkRequest delete(TenantId tenant, List<String> ids) {
        List<BulkOperation> operations = ids.stream()
                .map(id -> BulkOperation.of(o -> o.delete(d -> d.id(id))))
                .toList();
        return BulkRequest.of(b -> b.index(index).routing(routing(tenant)).operations(operations)
                .refresh(Refresh.True));
    }

    private static Query documentTerm(UUID documentId) {
        return Query.of(q -> q.term(t -> t.field(ChunksIndex.DOCUMENT_ID).value(documentId.toString())));
    }

    private SearchRequest nextToDelete(TenantId tenant, Query query) {
        return SearchRequest.of(s -> s
                .index(index)
                .routing(routing(tenant))
                .query(query)
                .size(DELETE_BATCH)
                .source(src -> src.fetch(false))
                .trackTotalHits(t -> t.enabled(false))
                .sort(o -> o.doc(d -> d)));
    }
}
