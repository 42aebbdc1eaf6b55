package com.frontline.rollouts.stats;

/**
 * The Wilson score interval for a proportion (Wilson 1927; method 3 of Newcombe 1998, "Two-sided confidence intervals
 * for the single proportion: comparison of seven methods", Statistics in Medicine 17:857–872). Unlike the Wald
 * interval it never leaves [0, 1] and keeps its coverage near 0 and 1 and on small samples.
 */
public final class Wilson {

    private Wilson() {
    }

    /**
     * The interval at a confidence level (0.95 for 95 %); [0, 1] without observations.
     */
    public static Interval interval(Rate rate, double confidence) {
        if (rate.isEmpty()) {
            return new Interval(0, 1);
        }
        double z = Normal.critical(confidence);
        double n = rate.count();
        double p = rate.value();
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        // at p = 0 or 1 the bound is exactly 0 or 1; rounding must not put it a hair outside
        double lower = p == 0 ? 0 : Math.max(0, centre - half);
        double upper = p == 1 ? 1 : Math.min(1, centre + half);
        return new Interval(lower, upper);
    }
}
