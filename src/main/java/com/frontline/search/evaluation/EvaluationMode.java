package com.frontline.search.evaluation;

import com.frontline.search.RetrievalSettings;

import java.util.Locale;

/** What {@code eval-retrieval --mode} compares: each retriever alone, and their fusion. */
public enum EvaluationMode {

    /** Words only: BM25 weight 1, so the kNN search is skipped. */
    BM25,
    /** Meaning only: BM25 weight 0, so the BM25 search is skipped. */
    DENSE,
    /** The fused ranking with the given (by default the tuned default) settings. */
    HYBRID;

    /** The settings this mode searches with, returning 10 passages (the metrics look at the first 10). */
    public RetrievalSettings settings(RetrievalSettings hybrid) {
        RetrievalSettings ten = hybrid.withTopK(10);
        return switch (this) {
            case BM25 -> ten.withBm25Weight(1);
            case DENSE -> ten.withBm25Weight(0);
            case HYBRID -> ten;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
