package com.frontline.search.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.frontline.search.IndexHit;
import com.frontline.search.Visibility;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/** The part of a chunk's {@code _source} that searches fetch (never the embedding). */
public record ChunkHitSource(
        @JsonProperty(ChunksIndex.CHUNK_ID) UUID chunkId,
        @JsonProperty(ChunksIndex.DOCUMENT_ID) UUID documentId,
        @JsonProperty(ChunksIndex.VERSION) int version,
        @JsonProperty(ChunksIndex.SOURCE_TYPE) String sourceType,
        @JsonProperty(ChunksIndex.VISIBILITY) @Nullable String visibility,
        @JsonProperty(ChunksIndex.TITLE) String title,
        @JsonProperty(ChunksIndex.HEADING_PATH) @Nullable List<String> headingPath,
        @JsonProperty(ChunksIndex.TEXT) String text,
        @JsonProperty(ChunksIndex.SOURCE_URL) @Nullable String sourceUrl) {

    static final List<String> FIELDS = List.of(ChunksIndex.CHUNK_ID, ChunksIndex.DOCUMENT_ID, ChunksIndex.VERSION,
            ChunksIndex.SOURCE_TYPE, ChunksIndex.VISIBILITY, ChunksIndex.TITLE, ChunksIndex.HEADING_PATH, ChunksIndex.TEXT,
            ChunksIndex.SOURCE_URL);

    /** A chunk indexed before visibilities existed counts as internal: never shown to visitors by mistake. */
    public IndexHit toHit(double score) {
        Visibility seen = Visibility.PUBLIC.name().equals(visibility) ? Visibility.PUBLIC : Visibility.INTERNAL;
        return new IndexHit(chunkId, documentId, version, sourceType, seen, title,
                headingPath == null ? List.of() : headingPath, text, sourceUrl, score);
    }
}
