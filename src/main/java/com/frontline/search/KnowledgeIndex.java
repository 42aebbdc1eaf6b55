package com.frontline.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.frontline.platform.elasticsearch.ElasticsearchUnavailableException;
import com.frontline.platform.elasticsearch.ElasticsearchConnection;
import com.frontline.search.internal.ChunkHitSource;
import com.frontline.search.internal.ChunkIdSource;
import com.frontline.search.internal.ChunkRequests;
import com.frontline.search.internal.ChunksIndex;
import com.frontline.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The Elasticsearch index of knowledge chunks, shared by all tenants. Every method takes the tenant first and touches
 * only that tenant's chunks (requests are built in {@code internal.ChunkRequests}). The first call waits for
 * Elasticsearch and creates the index if it is missing.
 * <p>
 * Writes become visible to searches and counts after a refresh (about 1 s, or {@link #refresh()}); the delete methods
 * refresh before and after, so they also catch chunks indexed just before and their effect is visible at once.
 */
public class KnowledgeIndex {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndex.class);
    /** ~5 kB per chunk (text and a 384-float vector as JSON): about 2.5 MB per bulk request. */
    private static final int BULK_SIZE = 500;
    /** How an I/O failure talking to Elasticsearch starts its message ({@link #unreachable}). */
    private static final String CANNOT = "Elasticsearch: cannot ";

    private final ElasticsearchClient client;
    private final ElasticsearchConnection connection;
    private final String index;
    private final ChunkRequests requests;
    private volatile boolean indexEnsured;

    public KnowledgeIndex(ElasticsearchClient client, ElasticsearchConnection connection, String index) {
        this.client = client;
        this.connection = connection;
        this.index = index;
        this.requests = new ChunkRequests(index);
    }

    /**
     * Creates the chunks index (behind its alias) with its explicit mapping, unless it exists; an existing one gets
     * the fields added since it was created (the mapping is strict: a chunk with an unmapped field is refused).
     */
    public void ensureIndex() {
        connection.awaitReady();
        try {
            if (client.indices().exists(e -> e.index(index)).value()) {
                client.indices().putMapping(ChunksIndex.addNewFields(index));
                indexEnsured = true;
                return;
            }
            client.indices().create(ChunksIndex.create(index));
            log.info("Created the Elasticsearch index {}", index);
        } catch (ElasticsearchException e) {
            // another app node created it in between
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Elasticsearch index " + index, e);
        }
        indexEnsured = true;
    }

    /**
     * Writes the chunks; a chunk already in the index (same tenant and chunk id) is replaced.
     *
     * @throws IllegalArgumentException before writing anything, if a chunk belongs to another tenant or its embedding
     *                                  has the wrong length
     * @throws IndexingFailedException  if Elasticsearch refused some chunks
     */
    public void index(TenantId tenant, List<IndexedChunk> chunks) {
        checkBeforeWriting(tenant, chunks);
        ready();
        for (int from = 0; from < chunks.size(); from += BULK_SIZE) {
            List<IndexedChunk> batch = chunks.subList(from, Math.min(chunks.size(), from + BULK_SIZE));
            BulkResponse response = call("index chunks", () -> client.bulk(requests.index(tenant, batch)));
            if (response.errors()) {
                throw failure(tenant, response);
            }
        }
    }

    /** Every chunk is the tenant's and has an embedding of the index's length, or nothing is written. */
    private static void checkBeforeWriting(TenantId tenant, List<IndexedChunk> chunks) {
        for (IndexedChunk chunk : chunks) {
            if (!chunk.tenant().equals(tenant)) {
                throw new IllegalArgumentException(
                        "Chunk " + chunk.chunkId() + " does not belong to tenant " + tenant + "; nothing was indexed");
            }
            if (chunk.embedding().length != ChunksIndex.DIMENSIONS) {
                throw new IllegalArgumentException("Chunk " + chunk.chunkId() + " has a " + chunk.embedding().length
                        + "-dimensional embedding, the index takes " + ChunksIndex.DIMENSIONS + "; nothing was indexed");
            }
        }
    }

    /**
     * Writes the chunks like {@link #index}, but a chunk Elasticsearch refuses does not fail the others: the refused
     * ones come back with the reason, and every other chunk is written. For batches of many documents, where one
     * document's bad chunk must not fail the rest.
     *
     * @return the refused chunks' ids with Elasticsearch's reason; empty when all were written
     * @throws IllegalArgumentException before writing anything, as {@link #index}
     */
    public Map<UUID, String> indexEach(TenantId tenant, List<IndexedChunk> chunks) {
        checkBeforeWriting(tenant, chunks);
        ready();
        Map<UUID, String> refused = new HashMap<>();
        for (int from = 0; from < chunks.size(); from += BULK_SIZE) {
            List<IndexedChunk> batch = chunks.subList(from, Math.min(chunks.size(), from + BULK_SIZE));
            BulkResponse response = call("index chunks", () -> client.bulk(requests.index(tenant, batch)));
            if (!response.errors()) {
                continue;
            }
            // the items answer the operations in order
            for (int i = 0; i < response.items().size(); i++) {
                ErrorCause error = response.items().get(i).error();
                if (error != null) {
                    refused.put(batch.get(i).chunkId(), "[" + error.type() + "] " + error.reason());
                }
            }
        }
        return refused;
    }

    private static IndexingFailedException failure(TenantId tenant, BulkResponse response) {
        List<BulkResponseItem> failed = response.items().stream().filter(item -> item.error() != null).toList();
        BulkResponseItem first = failed.getFirst();
        ErrorCause error = Objects.requireNonNull(first.error());
        return new IndexingFailedException("Elasticsearch refused " + failed.size() + " of " + response.items().size()
                + " chunks of tenant " + tenant + "; the first, " + first.id() + ": [" + error.type() + "] "
                + error.reason() + (error.causedBy() != null ? " (" + error.causedBy().reason() + ")" : ""),
                failed.size());
    }

    /** Deletes the document's chunks of every version but {@code keepVersion}; returns how many. */
    public long deleteOtherVersions(TenantId tenant, UUID documentId, int keepVersion) {
        return delete(tenant, requests.otherVersions(tenant, documentId, keepVersion));
    }

    /**
     * Deletes the document's chunks of versions older than {@code version}; newer ones, which another job may be
     * indexing this moment, stay. Returns how many.
     */
    public long deleteOlderVersions(TenantId tenant, UUID documentId, int version) {
        return delete(tenant, requests.olderVersions(tenant, documentId, version));
    }

    /** Deletes the chunks of these documents (or other sources) of every version but {@code keepVersion}. */
    public long deleteOtherVersions(TenantId tenant, Collection<UUID> documentIds, int keepVersion) {
        if (documentIds.isEmpty()) {
            return 0;
        }
        return delete(tenant, requests.otherVersions(tenant, documentIds, keepVersion));
    }

    /** Deletes all chunks of the document; returns how many. */
    public long deleteDocument(TenantId tenant, UUID documentId) {
        return delete(tenant, requests.documentChunks(tenant, documentId));
    }

    /** Deletes all chunks of the tenant; returns how many. */
    public long deleteTenant(TenantId tenant) {
        return delete(tenant, requests.tenantChunks(tenant));
    }

    /** The tenant's chunks visible to searches (that is, as of the last refresh). */
    public long count(TenantId tenant) {
        ready();
        return call("count chunks", () -> client.count(requests.count(tenant)).count());
    }

    /** The tenant's chunks of one document, of any version (as of the last refresh). */
    public long countDocument(TenantId tenant, UUID documentId) {
        ready();
        return call("count chunks", () -> client.count(requests.countDocument(tenant, documentId)).count());
    }

    /** The tenant's chunks indexed before chunks had a visibility (as of the last refresh): to be indexed again. */
    public long countWithoutVisibility(TenantId tenant) {
        ready();
        return call("count chunks", () -> client.count(requests.countWithoutVisibility(tenant)).count());
    }

    /** Makes everything written so far visible to searches and counts. */
    public void refresh() {
        ready();
        call("refresh", () -> client.indices().refresh(r -> r.index(index)));
    }

    /**
     * Full-text search over title (boosted 2x), heading path and text, with English stemming, among the chunks the
     * audience may see.
     */
    public List<IndexHit> bm25(TenantId tenant, Audience audience, String query, int k) {
        requirePositive(k);
        return search(requests.bm25(tenant, audience, query, k));
    }

    /**
     * The {@code k} chunks whose embeddings are nearest to {@code vector}, among the tenant's chunks that the audience
     * may see only.
     */
    public List<IndexHit> knn(TenantId tenant, Audience audience, float[] vector, int k) {
        requirePositive(k);
        requireDimensions(vector);
        return search(requests.knn(tenant, audience, vector, k));
    }

    /** Both lists of one hybrid query, best first. */
    public record HybridHits(List<IndexHit> bm25, List<IndexHit> knn) {
    }

    /** {@link #bm25} and {@link #knn} in one request, which Elasticsearch runs side by side. */
    public HybridHits bm25AndKnn(TenantId tenant, Audience audience, String query, float[] vector, int k) {
        requirePositive(k);
        requireDimensions(vector);
        ready();
        MsearchResponse<ChunkHitSource> response = call("search",
                () -> client.msearch(requests.bm25AndKnn(tenant, audience, query, vector, k), ChunkHitSource.class));
        List<List<IndexHit>> lists = new ArrayList<>(2);
        for (MultiSearchResponseItem<ChunkHitSource> item : response.responses()) {
            if (item.isFailure()) {
                throw new ElasticsearchException("msearch", item.failure());
            }
            lists.add(hits(item.result().hits().hits()));
        }
        return new HybridHits(lists.get(0), lists.get(1));
    }

    /**
     * The cosine similarity of {@code vector} to each of the given chunks of the tenant, compared one by one (no
     * graph walk). Chunks that are not in the tenant's index, or that the audience may not see, are missing from
     * the map.
     */
    public Map<UUID, Double> similarities(TenantId tenant, Audience audience, float[] vector,
                                          Collection<UUID> chunkIds) {
        if (chunkIds.isEmpty()) {
            return Map.of();
        }
        requireDimensions(vector);
        ready();
        SearchResponse<ChunkIdSource> response = call("compare chunks",
                () -> client.search(requests.similarity(tenant, audience, vector, chunkIds), ChunkIdSource.class));
        Map<UUID, Double> similarities = new HashMap<>();
        for (Hit<ChunkIdSource> hit : response.hits().hits()) {
            if (hit.source() != null && hit.score() != null) {
                // Elasticsearch scores cosine similarity as (1 + cosine) / 2
                similarities.put(hit.source().chunkId(), 2 * hit.score() - 1);
            }
        }
        return similarities;
    }

    private List<IndexHit> search(SearchRequest request) {
        ready();
        SearchResponse<ChunkHitSource> response = call("search", () -> client.search(request, ChunkHitSource.class));
        return hits(response.hits().hits());
    }

    private static List<IndexHit> hits(List<Hit<ChunkHitSource>> hits) {
        return hits.stream()
                .filter(hit -> hit.source() != null)
                .map(hit -> Objects.requireNonNull(hit.source()).toHit(hit.score() == null ? 0 : hit.score()))
                .toList();
    }

    /**
     * Deletes what {@code selection} finds, a batch at a time, until it finds nothing. Searches only see refreshed
     * chunks, so it refreshes first (chunks indexed a moment ago are deleted too), and each batch refreshes after it.
     */
    private long delete(TenantId tenant, SearchRequest selection) {
        refresh();
        long deleted = 0;
        while (true) {
            List<String> ids = call("find chunks to delete", () -> client.search(selection, Void.class))
                    .hits().hits().stream().map(Hit::id).filter(Objects::nonNull).toList();
            if (ids.isEmpty()) {
                return deleted;
            }
            BulkResponse response = call("delete chunks", () -> client.bulk(requests.delete(tenant, ids)));
            if (response.errors()) {
                throw failure(tenant, response);
            }
            long batch = response.items().stream().filter(item -> "deleted".equals(item.result())).count();
            if (batch == 0) {
                throw new IllegalStateException("Elasticsearch found chunks of tenant " + tenant
                        + " to delete but deleted none of them in " + index);
            }
            deleted += batch;
        }
    }

    private void ready() {
        if (!indexEnsured) {
            ensureIndex();
        } else {
            connection.awaitReady();
        }
    }

    /**
     * True when a failure of this index's methods is Elasticsearch being away (the embedded node not running, or an
     * I/O failure talking to it: connection refused, reset or timed out), not a refusal of the request itself: jobs
     * wait for it to come back rather than give up.
     */
    public static boolean unreachable(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof ElasticsearchUnavailableException) {
                return true;
            }
            if (t instanceof UncheckedIOException u && u.getMessage() != null
                    && u.getMessage().startsWith(CANNOT) && u.getCause() != null) {
                return true;
            }
        }
        return false;
    }

    private <T> T call(String what, ElasticsearchCall<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException(CANNOT + what + " in " + index, e);
        }
    }

    private static void requireDimensions(float[] vector) {
        if (vector.length != ChunksIndex.DIMENSIONS) {
            throw new IllegalArgumentException("The query vector has " + vector.length + " dimensions, the index "
                    + ChunksIndex.DIMENSIONS);
        }
    }

    private static void requirePositive(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
    }

    @FunctionalInterface
    private interface ElasticsearchCall<T> {
        T run() throws IOException;
    }
}
