package com.frontline.rollouts.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The pooled two-proportion z-test against worked examples from textbooks. */
class ZTestTest {

    /**
     * David M. Lane, HyperStat Online, "Tests of differences between proportions" (davidmlane.com/hyperstat/B73479,
     * B75278, B74286): 73 of 85 in the early-intervention group graduated against 43 of 82 in the control group;
     * "z = 4.69, p &lt; 0.001" (two-tailed &lt; 0.0001).
     */
    @Test
    void earlyInterventionExample() {
        ZTest t = ZTest.pooled(Rate.of(73, 85), Rate.of(43, 82));
        assertThat(t.z()).isCloseTo(4.69, within(0.005));
        assertThat(t.pTwoSided()).isLessThan(0.0001);
    }

    /**
     * Larson and Farber, Elementary Statistics: Picturing the World, section 8.4, example 1: 86 % of 150 occupants of
     * passenger cars and 74 % of 200 occupants of pickup trucks wear seat belts; z ≈ 2.73, beyond the ±1.645 of a
     * two-sided test at α = 0.10, so "the proportions are the same" is rejected.
     */
    @Test
    void seatBeltExample() {
        ZTest t = ZTest.pooled(Rate.of(129, 150), Rate.of(148, 200));
        assertThat(t.z()).isCloseTo(2.73, within(0.005));
        assertThat(t.pTwoSided()).isLessThan(0.10).isCloseTo(0.0063, within(0.0001));
    }

    @Test
    void oneSidedPValuesSplitTheTwoSidedOne() {
        ZTest t = ZTest.pooled(Rate.of(71, 100), Rate.of(800, 1000));
        assertThat(t.z()).isNegative();
        assertThat(t.pLess() + t.pGreater()).isCloseTo(1, within(1e-12));
        assertThat(t.pTwoSided()).isCloseTo(2 * t.pLess(), within(1e-12));
        assertThat(t.p(Alternative.LESS)).isLessThan(t.p(Alternative.TWO_SIDED));
        assertThat(t.p(Alternative.GREATER)).isGreaterThan(0.9);
    }

    @Test
    void noVarianceMeansNoEvidence() {
        ZTest t = ZTest.pooled(Rate.of(10, 10), Rate.of(30, 30));
        assertThat(t.z()).isZero();
        assertThat(t.pTwoSided()).isEqualTo(1.0);
    }

    @Test
    void needsBothSamples() {
        assertThatThrownBy(() -> ZTest.pooled(Rate.EMPTY, Rate.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
