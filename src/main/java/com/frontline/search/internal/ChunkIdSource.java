package com.frontline.search.internal;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.UUID;

/** The {@code _source} of a hit when only the chunk id was fetched. */
public record ChunkIdSource(@JsonProperty(ChunksIndex.CHUNK_ID) UUID chunkId) {
}
