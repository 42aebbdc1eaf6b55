package com.frontline.rollouts.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Wilson score interval against Newcombe (1998), "Two-sided confidence intervals for the single proportion:
 * comparison of seven methods", Statistics in Medicine 17:857–872, table I, method 3 (score, no continuity
 * correction), 95 %, published to four decimals.
 */
class WilsonTest {

    private static final double FOUR_DECIMALS = 0.00005;

    @Test
    void matchesNewcombesTableI() {
        assertInterval(Rate.of(81, 263), 0.2553, 0.3662);
        assertInterval(Rate.of(15, 148), 0.0624, 0.1605);
        assertInterval(Rate.of(0, 20), 0.0000, 0.1611);
        assertInterval(Rate.of(1, 29), 0.0061, 0.1718);
    }

    @Test
    void staysInsideZeroToOneAndHoldsTheEstimate() {
        for (int n : new int[] { 1, 2, 5, 30, 1000 }) {
            for (int x = 0; x <= n; x++) {
                Rate r = Rate.of(x, n);
                Interval i = Wilson.interval(r, 0.95);
                assertThat(i.lower()).as("%d/%d", x, n).isGreaterThanOrEqualTo(0);
                assertThat(i.upper()).as("%d/%d", x, n).isLessThanOrEqualTo(1);
                assertThat(i.contains(r.value())).as("%d/%d", x, n).isTrue();
            }
        }
        assertThat(Wilson.interval(Rate.of(20, 20), 0.95).upper()).isEqualTo(1.0);
    }

    @Test
    void narrowsWithMoreDataAndWidensWithConfidence() {
        double small = Wilson.interval(Rate.of(80, 100), 0.95).width();
        double large = Wilson.interval(Rate.of(8000, 10000), 0.95).width();
        assertThat(large).isLessThan(small / 5);
        assertThat(Wilson.interval(Rate.of(80, 100), 0.99).width()).isGreaterThan(small);
    }

    @Test
    void anEmptySampleKnowsNothing() {
        assertThat(Wilson.interval(Rate.EMPTY, 0.95)).isEqualTo(new Interval(0, 1));
    }

    private static void assertInterval(Rate rate, double lower, double upper) {
        Interval i = Wilson.interval(rate, 0.95);
        assertThat(i.lower()).as("lower of %s", rate).isCloseTo(lower, within(FOUR_DECIMALS));
        assertThat(i.upper()).as("upper of %s", rate).isCloseTo(upper, within(FOUR_DECIMALS));
    }
}
