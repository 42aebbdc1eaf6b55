package com.frontline.search.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.frontline.search.IndexedChunk;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;

import java.util.List;

/** The {@code _source} of one chunk in the index; field names match {@link ChunksIndex}. */
record ChunkDocument(
        @JsonProperty(ChunksIndex.TENANT_ID) String tenantId,
        @JsonProperty(ChunksIndex.DOCUMENT_ID) String documentId,
        @JsonProperty(ChunksIndex.VERSION) int version,
        @JsonProperty(ChunksIndex.CHUNK_ID) String chunkId,
        @JsonProperty(ChunksIndex.SOURCE_TYPE) String sourceType,
        @JsonProperty(ChunksIndex.VISIBILITY) String visibility,
        @JsonProperty(ChunksIndex.TITLE) String title,
        @JsonProperty(ChunksIndex.HEADING_PATH) List<String> headingPath,
        @JsonProperty(ChunksIndex.TEXT) String text,
        @JsonProperty(ChunksIndex.EMBEDDING) float[] embedding,
        @JsonProperty(ChunksIndex.SOURCE_URL) @Nullable String sourceUrl) {

    /** The tenant comes from the request's scope, never from the chunk alone. */
    static ChunkDocument of(TenantId tenant, IndexedChunk chunk) {
        return new ChunkDocument(tenant.toString(), chunk.documentId().toString(), chunk.version(),
                chunk.chunkId().toString(), chunk.sourceType(), chunk.visibility().name(), chunk.title(), chunk.headingPath(), chunk.text(),
                chunk.embedding(), chunk.sourceUrl());
    }
}
