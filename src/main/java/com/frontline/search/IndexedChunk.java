package com.frontline.search;

import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One searchable piece of a knowledge source, as stored in the index. The embedding array is not copied: callers must
 * not change it after handing it over.
 *
 * @param sourceType  {@value #DOCUMENT}, {@value #ACCOUNT} or {@value #CORRECTION} (an approved correction)
 * @param visibility  who may read it: {@link Audience#VISITORS} searches return only {@link Visibility#PUBLIC} chunks
 * @param headingPath the headings above the chunk, outermost first
 */
public record IndexedChunk(TenantId tenant, UUID documentId, int version, UUID chunkId, String sourceType,
        Visibility visibility, String title, List<String> headingPath, String text, float[] embedding, @Nullable String sourceUrl) {

    public static final String DOCUMENT = "DOCUMENT";
    public static final String ACCOUNT = "ACCOUNT";
    public static final String CORRECTION = "CORRECTION";

    private static final Set<String> SOURCE_TYPES = Set.of(DOCUMENT, ACCOUNT, CORRECTION);

    public IndexedChunk {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(chunkId, "chunkId");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(embedding, "embedding");
        if (!SOURCE_TYPES.contains(sourceType)) {
            throw new IllegalArgumentException("Unknown source type " + sourceType + "; expected one of " + SOURCE_TYPES);
        }
        headingPath = List.copyOf(headingPath);
    }
}
