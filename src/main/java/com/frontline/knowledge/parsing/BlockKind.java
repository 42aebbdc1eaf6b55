package com.frontline.knowledge.parsing;

/** What a block was in its source document; the chunker joins list items and table rows more tightly than prose. */
public enum BlockKind {
    HEADING,
    PARAGRAPH,
    LIST_ITEM,
    TABLE_ROW,
    QUESTION_ANSWER
}
