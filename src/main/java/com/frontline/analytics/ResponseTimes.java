package com.frontline.analytics;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * The first-response times of people after a handoff, kept as a histogram so that days add up and any period's
 * median can be read without the raw messages: bucket {@code i} counts the times up to {@code BOUNDS_SECONDS[i]}
 * (and above the previous bound); the last bucket counts everything beyond a day. The median is interpolated
 * linearly within its bucket, so it is exact to within that bucket's width.
 */
public final class ResponseTimes {

    /** The upper bounds of the buckets, in seconds: 30 s, 1, 2, 5, 10, 15, 30 min, 1, 2, 4, 8, 24 h. */
    static final long[] BOUNDS_SECONDS = {30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400};
    /** The buckets, one more than the bounds (beyond a day). */
    public static final int BUCKETS = BOUNDS_SECONDS.length + 1;

    private ResponseTimes() {
    }

    /** The bucket of a response time. */
    static int bucket(long seconds) {
        for (int i = 0; i < BOUNDS_SECONDS.length; i++) {
            if (seconds <= BOUNDS_SECONDS[i]) {
                return i;
            }
        }
        return BOUNDS_SECONDS.length;
    }

    /** The histogram of some response times. */
    static int[] histogram(List<Long> seconds) {
        int[] buckets = new int[BUCKETS];
        seconds.forEach(s -> buckets[bucket(s)]++);
        return buckets;
    }

    /** Adds {@code more} into {@code into}. */
    static void add(int[] into, int[] more) {
        for (int i = 0; i < Math.min(into.length, more.length); i++) {
            into[i] += more[i];
        }
    }

    /** The median in seconds, interpolated within its bucket; null without any response. */
    public static @Nullable Double median(int[] buckets) {
        long total = 0;
        for (int b : buckets) {
            total += b;
        }
        if (total == 0) {
            return null;
        }
        double half = total / 2.0;
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            if (buckets[i] > 0 && seen + buckets[i] >= half) {
                double low = i == 0 ? 0 : BOUNDS_SECONDS[i - 1];
                if (i >= BOUNDS_SECONDS.length) {
                    return low; // beyond a day: "more than a day"
                }
                double high = BOUNDS_SECONDS[i];
                return low + (high - low) * (half - seen) / buckets[i];
            }
            seen += buckets[i];
        }
        return (double) BOUNDS_SECONDS[BOUNDS_SECONDS.length - 1];
    }

    /** A duration in words: "45 s", "4 min", "2.5 h", "more than a day". */
    public static String format(double seconds) {
        if (seconds >= BOUNDS_SECONDS[BOUNDS_SECONDS.length - 1]) {
            return "more than a day";
        }
        if (seconds < 90) {
            return Math.round(seconds) + " s";
        }
        if (seconds < 5400) {
            return Math.round(seconds / 60) + " min";
        }
        return String.format(java.util.Locale.ROOT, "%.1f h", seconds / 3600).replace(".0 h", " h");
    }
}
