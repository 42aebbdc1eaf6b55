package com.frontline.knowledge.parsing;

import java.util.List;
import java.util.Objects;

/**
 * A searchable piece of a document. {@code contentHash} is the SHA-256 (lower-case hex) of the whitespace-normalised
 * {@code text}, so that re-uploading a document with small edits can reuse the stored embeddings of unchanged chunks.
 * The heading path is not part of the hash: it is indexed and cited next to the text, not embedded with it.
 */
public record Chunk(int ordinal, List<String> headingPath, String text, String contentHash) {

    public Chunk {
        headingPath = List.copyOf(headingPath);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(contentHash, "contentHash");
    }
}
