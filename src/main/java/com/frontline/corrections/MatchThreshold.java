package com.frontline.corrections;

/**
 * How close a customer's question must come to an approved correction's question (cosine of their MiniLM
 * embeddings) for the approved answer to be given as is. Each workspace may set its own within the bounds.
 */
public final class MatchThreshold {

    /**
     * Calibrated on {@code corrections/paraphrase-pairs.tsv} (customer-service question pairs labelled "same
     * question reworded" or "different question", many on the same topic): the lowest threshold at which at least
     * 95 % of the pairs it matches are the same question. {@code ThresholdCalibrationTest} recomputes it and fails
     * when this constant no longer matches the data.
     */
    public static final double DEFAULT = 0.79;
    /** The precision the default was chosen for. */
    public static final double TARGET_PRECISION = 0.95;
    public static final double MIN = 0.70;
    public static final double MAX = 0.99;

    private MatchThreshold() {
    }
}
