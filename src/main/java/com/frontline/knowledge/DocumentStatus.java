package com.frontline.knowledge;

/** Where a document version is on its way into the knowledge base. */
public enum DocumentStatus {
    QUEUED("Queued"), PARSING("Reading"), CHUNKING("Splitting"), EMBEDDING("Embedding"), INDEXING("Indexing"),
    INDEXED("Indexed"), FAILED("Failed"), SUPERSEDED("Replaced");

    private final String label;

    DocumentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean inProgress() {
        return this == QUEUED || this == PARSING || this == CHUNKING || this == EMBEDDING || this == INDEXING;
    }
}
