package com.frontline.knowledge;

import java.util.List;
import java.util.UUID;

/** A chunk as kept in PostgreSQL, with its embedding once computed. */
record StoredChunk(UUID id, UUID documentId, int version, int ordinal, List<String> headingPath, String text,
                   String contentSha256, float @org.jspecify.annotations.Nullable [] embedding) {
}
