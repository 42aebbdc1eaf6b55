package com.frontline.search;

/** How the BM25 and the dense (kNN) result lists are merged into one ranking. */
public enum Fusion {

    /**
     * Each list's scores are min-max normalised to [0, 1] over its candidates, then summed with the BM25 weight and
     * one minus it. Uses how much better one passage scored than another, not just the order. Per query, the weight
     * leans towards the list whose best passage stands out more clearly from its other candidates (the configured
     * weight is the starting point; 0 and 1 stay fixed).
     */
    WEIGHTED,

    /**
     * Reciprocal rank fusion: {@code 1 / (60 + rank)} from each list, weighted like {@link #WEIGHTED}. Uses only the
     * order, so it is robust to odd score distributions but throws away how clear a winner was.
     */
    RRF
}
