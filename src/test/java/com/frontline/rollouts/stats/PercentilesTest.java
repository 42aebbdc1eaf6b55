package com.frontline.rollouts.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Definition 7 of Hyndman and Fan (1996), checked against the NumPy documentation of {@code numpy.percentile}
 * ({@code a = [[10, 7, 4], [3, 2, 1]]}: the 50th percentile of all six values is 3.5) and the definition itself.
 */
class PercentilesTest {

    @Test
    void matchesTheNumpyDocumentationExample() {
        assertThat(Percentiles.of(new double[] { 10, 7, 4, 3, 2, 1 }).p50()).isEqualTo(3.5);
    }

    @Test
    void interpolatesBetweenRanks() {
        double[] oneToTen = { 7, 3, 10, 1, 5, 2, 9, 4, 8, 6 };
        Percentiles p = Percentiles.of(oneToTen);
        // h = (n − 1) q: 4.5 → 5.5, 8.55 → 9.55, 8.91 → 9.91
        assertThat(p.p50()).isCloseTo(5.5, within(1e-12));
        assertThat(p.p95()).isCloseTo(9.55, within(1e-12));
        assertThat(p.p99()).isCloseTo(9.91, within(1e-12));
        assertThat(p.count()).isEqualTo(10);
        assertThat(oneToTen[0]).as("the caller's array is not sorted in place").isEqualTo(7);
    }

    @Test
    void edgesOfTheSample() {
        assertThat(Percentiles.of(new double[] { 42 }).p99()).isEqualTo(42);
        assertThat(Percentiles.quantile(new double[] { 1, 2, 3 }, 0)).isEqualTo(1);
        assertThat(Percentiles.quantile(new double[] { 1, 2, 3 }, 1)).isEqualTo(3);
        assertThat(Percentiles.of(new double[0]).p50()).isNaN();
    }
}
