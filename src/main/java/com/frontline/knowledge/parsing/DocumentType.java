package com.frontline.knowledge.parsing;

/** The formats the knowledge base can read. Anything else is refused with {@link #SUPPORTED_FORMATS}. */
public enum DocumentType {
    PDF,
    DOCX,
    HTML,
    MARKDOWN,
    TEXT,
    /** A CSV (or TSV) with a question and an answer column: one entry per row. */
    FAQ_CSV;

    /** Shown to users whenever a file is refused for its type, so that they know what to upload instead. */
    public static final String SUPPORTED_FORMATS = "PDF, Word (.docx), HTML, Markdown, plain text, "
            + "or FAQs as CSV with a question and an answer column";
}
