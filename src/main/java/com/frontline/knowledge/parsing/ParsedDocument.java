package com.frontline.knowledge.parsing;

import java.util.List;
import java.util.Objects;

/**
 * The structure extracted from one document. {@code warnings} are user-facing notes about content that was skipped
 * without refusing the whole document (for example FAQ rows without an answer).
 */
public record ParsedDocument(String title, DocumentType type, List<Block> blocks, List<String> warnings) {

    public ParsedDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        blocks = List.copyOf(blocks);
        warnings = List.copyOf(warnings);
    }

    public ParsedDocument(String title, DocumentType type, List<Block> blocks) {
        this(title, type, blocks, List.of());
    }

    /** Characters of block text, the unit {@link DocumentLimits#maxExtractedChars()} is measured in. */
    public long characterCount() {
        long count = 0;
        for (Block block : blocks) {
            count += block.text().length();
        }
        return count;
    }
}
