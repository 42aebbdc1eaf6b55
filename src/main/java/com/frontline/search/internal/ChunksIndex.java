package com.frontline.search.internal;

import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;
import co.elastic.clients.elasticsearch.indices.PutMappingRequest;
import com.frontline.shared.TenantId;

import java.io.StringReader;
import java.util.UUID;

/**
 * The chunks index: one for all tenants, written and searched through an alias so that a later mapping change can
 * reindex into {@code <alias>-v2} and move the alias. Documents are routed by tenant ({@code _routing} is required),
 * so a tenant's chunks live on one shard and its searches touch only that shard.
 */
public final class ChunksIndex {

    public static final int DIMENSIONS = 384;

    static final String TENANT_ID = "tenant_id";
    static final String DOCUMENT_ID = "document_id";
    static final String VERSION = "version";
    static final String CHUNK_ID = "chunk_id";
    static final String SOURCE_TYPE = "source_type";
    static final String VISIBILITY = "visibility";
    static final String TITLE = "title";
    static final String HEADING_PATH = "heading_path";
    static final String TEXT = "text";
    static final String EMBEDDING = "embedding";
    static final String SOURCE_URL = "source_url";

    /**
     * {@code english} is native in a full Elasticsearch and comes from our plugin in the embedded one (see
     * src/build/es-plugin). {@code int8_hnsw} stores the vectors as bytes for the HNSW graph (about 4x less memory);
     * the float vectors stay on disk for rescoring. Replicas: none on one node, one as soon as there are two.
     */
    private static final String DEFINITION = """
            {
              "settings": {
                "index": { "auto_expand_replicas": "0-1" }
              },
              "mappings": {
                "dynamic": "strict",
                "_routing": { "required": true },
                "properties": {
                  "tenant_id":    { "type": "keyword" },
                  "document_id":  { "type": "keyword" },
                  "version":      { "type": "integer" },
                  "chunk_id":     { "type": "keyword" },
                  "source_type":  { "type": "keyword" },
                  "visibility":   { "type": "keyword" },
                  "title":        { "type": "text", "analyzer": "english",
                                    "fields": { "keyword": { "type": "keyword", "ignore_above": 512 } } },
                  "heading_path": { "type": "text", "analyzer": "english" },
                  "text":         { "type": "text", "analyzer": "english" },
                  "embedding":    { "type": "dense_vector", "dims": %d, "index": true, "similarity": "cosine",
                                    "index_options": { "type": "int8_hnsw" } },
                  "source_url":   { "type": "keyword", "index": false, "doc_values": false }
                }
              }
            }
            """.formatted(DIMENSIONS);

    private ChunksIndex() {
    }

    /** Creates {@code <alias>-v1} with the alias pointing to it. */
    public static CreateIndexRequest create(String alias) {
        return CreateIndexRequest.of(c -> c.withJson(new StringReader(DEFINITION))
                .index(alias + "-v1")
                .aliases(alias, a -> a.isWriteIndex(true)));
    }

    /**
     * Adds the fields later releases introduced to an index created before them ({@code visibility}); adding a field
     * to a mapping is allowed on a live index and a no-op when it is there. Chunks indexed before it lack the field:
     * they count as internal (see {@code ChunkRequests}) until they are indexed again.
     */
    public static PutMappingRequest addNewFields(String alias) {
        return PutMappingRequest.of(p -> p.index(alias).properties(VISIBILITY, f -> f.keyword(k -> k)));
    }

    /** The Elasticsearch id of a chunk: unique across tenants, and the same each time the chunk is indexed. */
    public static String documentId(TenantId tenant, UUID chunkId) {
        return tenant + ":" + chunkId;
    }
}
