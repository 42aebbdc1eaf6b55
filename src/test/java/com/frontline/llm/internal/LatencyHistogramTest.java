package com.frontline.llm.internal;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyHistogramTest {

    /** The exact percentile by the nearest-rank method (what PostgreSQL's percentile_disc returns). */
    static long exact(long[] sorted, double p) {
        int rank = (int) Math.max(1, Math.ceil(p / 100 * sorted.length));
        return sorted[rank - 1];
    }

    @Test
    void everyLatencyFallsInTheBucketWhoseBoundsHoldIt() {
        for (long ms = 0; ms < 3_000_000; ms += ms < 5_000 ? 1 : 97) {
            int b = LatencyHistogram.bucket(ms);
            assertThat(LatencyHistogram.lower(b)).as("lower bound of %d ms", ms).isLessThanOrEqualTo(ms);
            if (b < LatencyHistogram.BUCKETS - 1) {
                assertThat(LatencyHistogram.upper(b)).as("upper bound of %d ms", ms).isGreaterThanOrEqualTo(ms);
            }
        }
        assertThat(LatencyHistogram.bucket(0)).isZero();
        assertThat(LatencyHistogram.bucket(1)).isEqualTo(1);
        assertThat(LatencyHistogram.BUCKETS).isBetween(140, 170);
    }

    @Test
    void theEstimateOfEveryBucketIsWithinTheDocumentedErrorOfEveryLatencyInIt() {
        double worst = 0;
        for (int b = 1; b < LatencyHistogram.BUCKETS - 1; b++) {
            double estimate = LatencyHistogram.estimate(b);
            for (long v = LatencyHistogram.lower(b); v <= LatencyHistogram.upper(b); v++) {
                worst = Math.max(worst, Math.abs(estimate - v) / v);
            }
        }
        assertThat(worst * 100).isLessThan(LatencyHistogram.MAX_RELATIVE_ERROR_PERCENT).isGreaterThan(3.0);
    }

    @Test
    void percentilesOfRandomLatenciesAreWithinFivePercentOfTheExactOnes() {
        Random random = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(trial < 20 ? 5 : 3000);
            long[] values = new long[n];
            LatencyHistogram h = LatencyHistogram.empty();
            for (int i = 0; i < n; i++) {
                // log-normal around 1.5 s with a long tail, as answer latencies are
                values[i] = Math.max(0, Math.round(Math.exp(7.3 + 0.9 * random.nextGaussian())));
                h.add(values[i]);
            }
            Arrays.sort(values);
            for (double p : new double[]{50, 95, 99, 100}) {
                long exact = exact(values, p);
                assertThat(h.percentile(p)).as("p%s of %d values", p, n)
                        .isCloseTo(exact, within(Math.max(0.5, exact * 0.05)));
            }
        }
    }

    @Test
    void storedBucketsLeaveTrailingEmptyOnesOffAndAddUpAgain() {
        LatencyHistogram h = LatencyHistogram.empty().add(3).add(3).add(1200);
        int[] stored = h.toStored();
        assertThat(stored).hasSize(LatencyHistogram.bucket(1200) + 1);
        assertThat(stored[LatencyHistogram.bucket(3)]).isEqualTo(2);
        LatencyHistogram again = LatencyHistogram.empty().add(stored).add(stored);
        assertThat(again.count()).isEqualTo(6);
        assertThat(again.percentile(50)).isEqualTo(3.0);
        assertThat(LatencyHistogram.empty().percentile(95)).isZero();
        assertThat(LatencyHistogram.empty().toStored()).isEmpty();
    }

    @Test
    void sparsePairsFromTheDatabaseBecomeTheSameHistogram() {
        LatencyHistogram direct = LatencyHistogram.empty().add(10).add(250).add(250).add(9000);
        LatencyHistogram sparse = LatencyHistogram.ofSparse(
                new Integer[]{LatencyHistogram.bucket(10), LatencyHistogram.bucket(250), LatencyHistogram.bucket(9000)},
                new Long[]{1L, 2L, 1L});
        assertThat(sparse.toStored()).isEqualTo(direct.toStored());
    }

    @Test
    void theSqlBoundsAreTheJavaBounds() {
        assertThat(LatencyHistogram.SQL_BOUNDS).startsWith("array[1,2,3,4,").endsWith("]::int[]")
                .contains("," + LatencyHistogram.BOUNDS[LatencyHistogram.BOUNDS.length - 1] + "]");
    }
}
