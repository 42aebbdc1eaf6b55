package com.frontline.rollouts.stats;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The mSPRT's promises, checked: its p-value never increases, and under continuous monitoring of equal arms it falls
 * to α in at most about α of the runs (seeded Monte Carlo: a statistical test, with the tolerance stated), where
 * a z-test looked at as often does far worse. Runs look after every 20 observations once both arms hold 100, as the
 * guard does, up to 10,000 observations.
 */
class MixtureSprtTest {

    private static final int RUNS = 2000;
    private static final double ALPHA = 0.05;
    /** Three standard errors of a rate of α estimated from {@link #RUNS} runs: 0.0146. */
    private static final double TOLERANCE = 3 * Math.sqrt(ALPHA * (1 - ALPHA) / RUNS);

    @Test
    void alwaysValidPNeverIncreases() {
        MixtureSprt test = new MixtureSprt(0.05, Alternative.TWO_SIDED);
        SplittableRandom random = new SplittableRandom(7);
        long s1 = 0, n1 = 0, s2 = 0, n2 = 0;
        double p = 1;
        boolean fell = false;
        for (int i = 0; i < 20_000; i++) {
            if (random.nextBoolean()) {
                n1++;
                s1 += random.nextDouble() < 0.75 ? 1 : 0;
            } else {
                n2++;
                s2 += random.nextDouble() < 0.80 ? 1 : 0;
            }
            if (i % 50 == 49) {
                double next = test.update(p, Rate.of(s1, n1), Rate.of(s2, n2));
                assertThat(next).isLessThanOrEqualTo(p);
                fell |= next < p;
                p = next;
            }
        }
        assertThat(fell).as("the p-value moved at all").isTrue();
        assertThat(p).as("a 5-point difference on 20,000 observations is found").isLessThan(0.001);
    }

    @Test
    void equalArmsRarelyLookDifferentHoweverOftenTheyAreWatched() {
        MixtureSprt twoSided = new MixtureSprt(0.05, Alternative.TWO_SIDED);
        MixtureSprt less = new MixtureSprt(0.05, Alternative.LESS);
        for (double share : new double[] { 0.5, 0.1 }) {
            Counts counts = monteCarlo(20261208L, share, 0.80, 0.80, twoSided, less);
            System.out.printf("A/A at 80 %%, treatment share %.1f, %d runs: runs ever at p <= 0.05: mSPRT two-sided %d, "
                    + "one-sided %d, peeking z-test %d%n", share, RUNS, counts.sprt(), counts.sprtOneSided(),
                    counts.peekingZ());
            assertThat(counts.sprt() / (double) RUNS).as("mSPRT two-sided false alarms, treatment share %s", share)
                    .isLessThanOrEqualTo(ALPHA + TOLERANCE);
            assertThat(counts.sprtOneSided() / (double) RUNS).as("mSPRT one-sided false alarms, share %s", share)
                    .isLessThanOrEqualTo(ALPHA + TOLERANCE);
            // the same runs, read with a fixed-horizon z-test at every look: peeking breaks it
            assertThat(counts.peekingZ() / (double) RUNS).as("peeking z-test false alarms, share %s", share)
                    .isGreaterThan(3 * ALPHA);
        }
    }

    @Test
    void rareEventsWithAVarianceFloorStayHonest() {
        // errors at 1 % in both arms: without a floor a couple of errors on little traffic look decisive
        MixtureSprt floored = new MixtureSprt(0.05, Alternative.GREATER, 0.02);
        Counts counts = monteCarlo(99L, 0.1, 0.01, 0.01, floored, floored);
        assertThat(counts.sprt() / (double) RUNS).isLessThanOrEqualTo(ALPHA + TOLERANCE);
    }

    @Test
    void findsATenPercentDrop() {
        MixtureSprt less = new MixtureSprt(0.05, Alternative.LESS);
        Counts counts = monteCarlo(4242L, 0.5, 0.72, 0.80, less, less);
        assertThat(counts.sprt() / (double) RUNS).as("power at 10,000 observations").isGreaterThan(0.95);
    }

    @Test
    void oneSidedTestIgnoresTheOtherDirection() {
        MixtureSprt less = new MixtureSprt(0.05, Alternative.LESS);
        MixtureSprt greater = new MixtureSprt(0.05, Alternative.GREATER);
        MixtureSprt both = new MixtureSprt(0.05, Alternative.TWO_SIDED);
        Rate worse = Rate.of(700, 1000);
        Rate base = Rate.of(800, 1000);
        assertThat(less.pValue(worse, base)).isLessThan(1e-4);
        assertThat(greater.pValue(worse, base)).isEqualTo(1.0);
        // far in its direction the half-normal mixture carries twice the weight of the full one
        assertThat(Math.exp(less.logLikelihoodRatio(worse, base) - both.logLikelihoodRatio(worse, base)))
                .isCloseTo(2, within(1e-5));
    }

    @Test
    void likelihoodRatioFollowsTheClosedForm() {
        MixtureSprt test = new MixtureSprt(0.05, Alternative.TWO_SIDED);
        Rate a = Rate.of(150, 200);
        Rate b = Rate.of(640, 800);
        double pooled = 790.0 / 1000;
        double v = pooled * (1 - pooled) * (1.0 / 200 + 1.0 / 800);
        double x = 0.75 - 0.80;
        double t2 = 0.0025;
        double expected = Math.sqrt(v / (v + t2)) * Math.exp(x * x * t2 / (2 * v * (v + t2)));
        assertThat(Math.exp(test.logLikelihoodRatio(a, b))).isCloseTo(expected, within(1e-12));
        assertThat(test.pValue(a, b)).isCloseTo(Math.min(1, 1 / expected), within(1e-12));
    }

    @Test
    void confidenceSequenceCoversTheTruthAtEveryLook() {
        MixtureSprt test = new MixtureSprt(0.05, Alternative.TWO_SIDED);
        SplittableRandom random = new SplittableRandom(31);
        int missed = 0;
        for (int run = 0; run < RUNS / 4; run++) {
            long s1 = 0, n1 = 0, s2 = 0, n2 = 0;
            for (int i = 1; i <= 5000; i++) {
                if (random.nextDouble() < 0.3) {
                    n1++;
                    s1 += random.nextDouble() < 0.70 ? 1 : 0;
                } else {
                    n2++;
                    s2 += random.nextDouble() < 0.80 ? 1 : 0;
                }
                if (i % 20 == 0 && n1 >= 100 && n2 >= 100
                        && !test.confidenceSequence(Rate.of(s1, n1), Rate.of(s2, n2), ALPHA).contains(-0.10)) {
                    missed++;
                    break;
                }
            }
        }
        assertThat(missed / (RUNS / 4.0)).isLessThanOrEqualTo(ALPHA + 3 * Math.sqrt(ALPHA * (1 - ALPHA) / (RUNS / 4.0)));
    }

    @Test
    void noDataNoEvidence() {
        MixtureSprt test = new MixtureSprt(0.05, Alternative.TWO_SIDED);
        assertThat(test.pValue(Rate.EMPTY, Rate.of(5, 10))).isEqualTo(1.0);
        assertThat(test.pValue(Rate.of(10, 10), Rate.of(20, 20))).isEqualTo(1.0);
        assertThatThrownBy(() -> new MixtureSprt(0, Alternative.LESS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> test.update(0, Rate.EMPTY, Rate.EMPTY)).isInstanceOf(IllegalArgumentException.class);
    }

    /** How many of the runs ever reached p ≤ α, by each reading. */
    private record Counts(int sprt, int sprtOneSided, int peekingZ) {
    }

    /** Observations go to the treatment with probability {@code share}; each is a success with its arm's rate. */
    private static Counts monteCarlo(long seed, double share, double treatmentRate, double controlRate,
                                     MixtureSprt first, MixtureSprt second) {
        SplittableRandom random = new SplittableRandom(seed);
        int sprt = 0, sprtOneSided = 0, peeking = 0;
        for (int run = 0; run < RUNS; run++) {
            long s1 = 0, n1 = 0, s2 = 0, n2 = 0;
            boolean a = false, b = false, z = false;
            for (int i = 1; i <= 10_000 && !(a && b && z); i++) {
                if (random.nextDouble() < share) {
                    n1++;
                    s1 += random.nextDouble() < treatmentRate ? 1 : 0;
                } else {
                    n2++;
                    s2 += random.nextDouble() < controlRate ? 1 : 0;
                }
                if (i % 20 == 0 && n1 >= 100 && n2 >= 100) {
                    Rate t = Rate.of(s1, n1);
                    Rate c = Rate.of(s2, n2);
                    a |= first.pValue(t, c) <= ALPHA;
                    b |= second.pValue(t, c) <= ALPHA;
                    z |= ZTest.pooled(t, c).pTwoSided() <= ALPHA;
                }
            }
            sprt += a ? 1 : 0;
            sprtOneSided += b ? 1 : 0;
            peeking += z ? 1 : 0;
        }
        return new Counts(sprt, sprtOneSided, peeking);
    }
}
