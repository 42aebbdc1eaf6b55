package com.frontline.search;

import com.frontline.platform.elasticsearch.SharedTestElasticsearch;
import com.frontline.search.internal.MiniLmTextEmbedder;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** The JVM's shared embedded Elasticsearch and one embedding model for the search tests; no Spring context. */
final class SearchTestSupport {

    /** Under target/, so the tests never write to ~/.djl.ai. */
    static final Path MODEL_CACHE_DIR = Path.of("target", "djl");

    private static @Nullable TextEmbedder embedder;

    private SearchTestSupport() {
    }

    static synchronized TextEmbedder embedder() {
        if (embedder == null) {
            embedder = new MiniLmTextEmbedder(MODEL_CACHE_DIR);
        }
        return embedder;
    }

    /** An index name (alias) of its own, so that test classes sharing the node do not see each other's chunks. */
    static String newIndexName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static KnowledgeIndex knowledgeIndex(String name) {
        SharedTestElasticsearch es = SharedTestElasticsearch.get();
        return new KnowledgeIndex(es.client(), es.connection(), name);
    }

    static TenantId newTenant() {
        return TenantId.of(UUID.randomUUID());
    }

    static IndexedChunk chunk(TenantId tenant, UUID documentId, int version, String title, String text) {
        return new IndexedChunk(tenant, documentId, version, UUID.randomUUID(), IndexedChunk.DOCUMENT, Visibility.PUBLIC, title,
                List.of("Help", title), text, embedder().embed(title + "\n" + text), null);
    }
}
