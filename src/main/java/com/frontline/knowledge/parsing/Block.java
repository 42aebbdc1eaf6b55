package com.frontline.knowledge.parsing;

import java.util.List;
import java.util.Objects;

/**
 * One structural unit of a document. {@code headingPath} lists the headings the block sits under, outermost first;
 * for a {@link BlockKind#HEADING} it ends with the heading itself, so that a heading and the text below it share one
 * path and land in one chunk.
 */
public record Block(List<String> headingPath, BlockKind kind, String text) {

    public Block {
        headingPath = List.copyOf(headingPath);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}
