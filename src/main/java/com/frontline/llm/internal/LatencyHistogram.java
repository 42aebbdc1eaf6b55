package com.frontline.llm.internal;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Latencies counted in fixed, log-spaced buckets, so that percentiles can be read per day and over any period from
 * the daily summaries without the raw records. The bucket bounds are the integers {@code ceil(2^(k/8))} for
 * k = 0 … 168 (1 ms to 35 min), without repeats: bucket 0 holds 0 ms, bucket {@code i} the latencies from
 * {@code BOUNDS[i-1]} up to {@code BOUNDS[i] - 1}, the last one everything from 2^21 ms up. PostgreSQL sorts a
 * latency into its bucket with {@code width_bucket(latency_ms, BOUNDS)}, the same integer comparison.
 *
 * <p><b>Error.</b> A percentile is found by its exact rank (nearest-rank method: the smallest latency with at least
 * p % of the calls at or below it); only where inside its bucket [L, U] it lies is unknown. The value reported is
 * 2LU / (L + U), the point whose largest relative error over the bucket is smallest, (U − L) / (U + L). Bounds are at
 * most 2^(1/8) ≈ 1.09 apart, so that error is at most 4.4 %, and the reported value is always within
 * {@value #MAX_RELATIVE_ERROR_PERCENT} % of the exact percentile; below 12 ms buckets are 1 ms wide and exact.
 */
public final class LatencyHistogram {

    /** Lower bounds (ms) of buckets 1 … n; bucket 0 is everything below 1 ms. */
    static final int[] BOUNDS = bounds();
    /** Buckets in all: one below the first bound, one per bound. */
    public static final int BUCKETS = BOUNDS.length + 1;
    public static final int MAX_RELATIVE_ERROR_PERCENT = 5;
    /** The bounds as a PostgreSQL array literal for {@code width_bucket}. */
    public static final String SQL_BOUNDS = Arrays.stream(BOUNDS).mapToObj(Integer::toString)
            .collect(Collectors.joining(",", "array[", "]::int[]"));

    private final long[] counts;

    private LatencyHistogram(long[] counts) {
        this.counts = counts;
    }

    public static LatencyHistogram empty() {
        return new LatencyHistogram(new long[BUCKETS]);
    }

    private static int[] bounds() {
        TreeSet<Integer> bounds = new TreeSet<>();
        for (int k = 0; k <= 168; k++) {
            bounds.add((int) Math.ceil(Math.pow(2, k / 8.0) - 1e-9));
        }
        return bounds.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The bucket a latency falls in (the same as PostgreSQL's {@code width_bucket(ms, BOUNDS)}). */
    static int bucket(long ms) {
        int i = Arrays.binarySearch(BOUNDS, (int) Math.min(ms, Integer.MAX_VALUE));
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The smallest latency a bucket holds. */
    static long lower(int bucket) {
        return bucket == 0 ? 0 : BOUNDS[bucket - 1];
    }

    /** The largest latency a bucket holds; the last bucket reports its lower bound. */
    static long upper(int bucket) {
        return bucket >= BOUNDS.length ? lower(bucket) : BOUNDS[bucket] - 1;
    }

    /** Counts one latency (tests and tools; the database fills the buckets of the summaries). */
    public LatencyHistogram add(long ms) {
        counts[bucket(Math.max(0, ms))]++;
        return this;
    }

    /** Adds stored bucket counts (a summary row's {@code latency_buckets}, trailing zeros possibly left off). */
    public LatencyHistogram add(int[] buckets) {
        for (int i = 0; i < buckets.length && i < counts.length; i++) {
            counts[i] += buckets[i];
        }
        return this;
    }

    public LatencyHistogram add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        return this;
    }

    public long count() {
        return Arrays.stream(counts).sum();
    }

    /**
     * The latency (ms) at percentile {@code p} (0 &lt; p ≤ 100) by the nearest-rank method, estimated within its
     * bucket as described above; 0 when nothing was counted.
     */
    public double percentile(double p) {
        long n = count();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * n));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return estimate(i);
            }
        }
        return estimate(counts.length - 1);
    }

    /** The point of a bucket with the smallest largest relative error: 2LU / (L + U). */
    static double estimate(int bucket) {
        double l = lower(bucket);
        double u = upper(bucket);
        return l + u == 0 ? 0 : 2 * l * u / (l + u);
    }

    /** The counts with trailing empty buckets left off, as stored. */
    public int[] toStored() {
        int last = counts.length - 1;
        while (last >= 0 && counts[last] == 0) {
            last--;
        }
        int[] stored = new int[last + 1];
        for (int i = 0; i <= last; i++) {
            stored[i] = (int) Math.min(Integer.MAX_VALUE, counts[i]);
        }
        return stored;
    }

    /** Builds a histogram from sparse (bucket, count) pairs, as the summary query returns them. */
    static LatencyHistogram ofSparse(Integer[] buckets, Long[] counts) {
        long[] dense = new long[BUCKETS];
        for (int i = 0; i < buckets.length; i++) {
            if (buckets[i] != null && counts[i] != null) {
                dense[Math.min(BUCKETS - 1, Math.max(0, buckets[i]))] += counts[i];
            }
        }
        return new LatencyHistogram(dense);
    }
}
