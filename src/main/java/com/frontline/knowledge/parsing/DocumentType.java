package com.frontline.knowledge.parsing;

/** The formats the knowledge base can read. Anything else is refused with {@link #SUPPORTED_FORMATS}. */
public enum DocumentType {
    PDF("PDF"),
    DOCX("Word (.docx)"),
    HTML("HTML"),
    MARKDOWN("Markdown"),
    TEXT("Plain text"),
    /** A CSV (or TSV) with a question and an answer column: one entry per row. */
    FAQ_CSV("FAQ (CSV)");

    /** Shown to users whenever a file is refused for its type, so that they know what to upload instead. */
    public static final String SUPPORTED_FORMATS = "PDF, Word (.docx), HTML, Markdown, plain text, "
            + "or FAQs as CSV with a question and an answer column";

    private final String label;

    DocumentType(String label) {
        this.label = label;
    }

    /** As shown to users. */
    public String label() {
        return label;
    }

    /** The label of a type stored by its name; a name this version does not know is shown as stored. */
    public static String labelOf(String name) {
        for (DocumentType type : values()) {
            if (type.name().equals(name)) {
                return type.label;
            }
        }
        return name;
    }
}
