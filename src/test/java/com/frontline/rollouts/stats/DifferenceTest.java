package com.frontline.rollouts.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Intervals for a difference of proportions against Newcombe (1998), "Interval estimation for the difference between
 * independent proportions: comparison of eleven methods", Statistics in Medicine 17:873–890, table II, 95 %:
 * example (a) 56/70 − 48/80 and example (e) 5/56 − 0/29; method 1 (Wald) and method 10 (hybrid score).
 */
class DifferenceTest {

    private static final double FOUR_DECIMALS = 0.00005;

    @Test
    void hybridScoreMatchesNewcombesTableII() {
        assertInterval(Difference.newcombe(Rate.of(56, 70), Rate.of(48, 80), 0.95), 0.0524, 0.3339);
        assertInterval(Difference.newcombe(Rate.of(5, 56), Rate.of(0, 29), 0.95), -0.0381, 0.1926);
    }

    @Test
    void waldMatchesNewcombesTableII() {
        assertInterval(Difference.wald(Rate.of(56, 70), Rate.of(48, 80), 0.95), 0.0575, 0.3425);
        assertInterval(Difference.wald(Rate.of(5, 56), Rate.of(0, 29), 0.95), 0.0146, 0.1640);
    }

    @Test
    void swappingTheSamplesMirrorsTheInterval() {
        Interval ab = Difference.newcombe(Rate.of(71, 100), Rate.of(800, 1000), 0.95);
        Interval ba = Difference.newcombe(Rate.of(800, 1000), Rate.of(71, 100), 0.95);
        assertThat(ab.lower()).isCloseTo(-ba.upper(), within(1e-12));
        assertThat(ab.upper()).isCloseTo(-ba.lower(), within(1e-12));
    }

    private static void assertInterval(Interval i, double lower, double upper) {
        assertThat(i.lower()).isCloseTo(lower, within(FOUR_DECIMALS));
        assertThat(i.upper()).isCloseTo(upper, within(FOUR_DECIMALS));
    }
}
