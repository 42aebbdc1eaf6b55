package com.frontline.rollouts.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/** The standard normal distribution (Apache Commons Math: the error function and its inverse). */
public final class Normal {

    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    private Normal() {
    }

    /** P(Z ≤ z). */
    public static double cdf(double z) {
        return STANDARD.cumulativeProbability(z);
    }

    /** P(Z ≥ z), computed as P(Z ≤ −z) so that small tails keep their digits. */
    public static double upperTail(double z) {
        return STANDARD.cumulativeProbability(-z);
    }

    /** The z with P(Z ≤ z) = p, for p strictly between 0 and 1. */
    public static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("a probability strictly between 0 and 1, not " + p);
        }
        return STANDARD.inverseCumulativeProbability(p);
    }

    /** The two-sided critical value of a confidence level: 1.959964 for 0.95. */
    public static double critical(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("a confidence level strictly between 0 and 1, not " + confidence);
        }
        return quantile(1 - (1 - confidence) / 2);
    }
}
