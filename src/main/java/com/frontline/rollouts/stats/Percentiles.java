package com.frontline.rollouts.stats;

import java.util.Arrays;

/**
 * p50, p95 and p99 of a sample (latencies in milliseconds), by linear interpolation between the closest ranks:
 * definition 7 of Hyndman and Fan (1996), the default of R's {@code quantile}, NumPy's {@code percentile} and
 * PostgreSQL's {@code percentile_cont}, so figures computed in the database and here agree.
 *
 * @param count how many values the percentiles were taken over
 */
public record Percentiles(long count, double p50, double p95, double p99) {

    /** The percentiles of the values (not changed); all NaN for an empty sample. */
    public static Percentiles of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, quantile(sorted, 0.50), quantile(sorted, 0.95),
                quantile(sorted, 0.99));
    }

    /** The {@code q}-quantile (0–1) of sorted values, definition 7; NaN when there are none. */
    public static double quantile(double[] sorted, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("a quantile from 0 to 1, not " + q);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
