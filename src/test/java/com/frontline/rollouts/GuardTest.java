package com.frontline.rollouts;

import com.frontline.rollouts.GuardVerdict.Reason;
import com.frontline.rollouts.GuardVerdict.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GuardTest {

    private static final Instant FROM = Instant.parse("2026-03-02T09:00:00Z");
    /** An hour into a step: its first window, which spends α/2. */
    private static final GuardWindow WINDOW = GuardConfig.DEFAULTS.window(FROM, FROM.plusSeconds(3600));
    private final Guard guard = new Guard(GuardConfig.DEFAULTS);

    private static ArmCounts rated(long helpful, long rated) {
        return ArmCounts.builder().visitors(rated).conversations(rated).answers(rated * 2).ratings(helpful, rated)
                .calls(rated * 2, 0, 0).build();
    }

    @Test
    void noVerdictBeforeTheMinimumSample() {
        GuardVerdict v = guard.evaluate(rated(10, 42), rated(700, 900), WINDOW, null);

        assertThat(v.status()).isEqualTo(Status.HOLD);
        assertThat(v.reason()).isEqualTo(Reason.NOT_ENOUGH_SAMPLE);
        assertThat(v.words()).isEqualTo("No verdict before the minimum sample of 100 rated answers per arm: the "
                + "candidate has 42.");
        assertThat(v.clearToAdvance()).isFalse();
        assertThat(v.state().metricP()).as("no look at the metric yet").isEqualTo(1.0);
    }

    @Test
    void rollsBackASignificantDropBeyondTheThresholdAndSaysSo() {
        GuardVerdict v = guard.evaluate(rated(710, 1000), rated(8000, 10_000), WINDOW, null);

        assertThat(v.status()).isEqualTo(Status.ROLL_BACK);
        assertThat(v.reason()).isEqualTo(Reason.METRIC_DROP);
        assertThat(v.words()).isEqualTo("Candidate helpful 71 % [68–74] vs baseline 80 % [79–81]: 11 % lower, "
                + "significant (always-valid p < 0.001): rolled back.");
        Comparison c = v.trigger();
        assertThat(c.metric()).isEqualTo(GuardMetric.HELPFUL_RATE);
        assertThat(c.relativeChange()).isCloseTo(-0.1125, within(1e-9));
        assertThat(c.difference().upper()).isNegative();
        assertThat(c.alwaysValidP()).isLessThan(0.001);
    }

    @Test
    void aSignificantDropWithinTheThresholdHolds() {
        GuardVerdict v = guard.evaluate(rated(7700, 10_000), rated(80_000, 100_000), WINDOW, null);

        assertThat(v.status()).isEqualTo(Status.OK);
        assertThat(v.words()).isEqualTo("Candidate helpful 77 % [76–78] vs baseline 80 % [80–80]: 4 % lower, "
                + "significant but within the 5 % threshold (always-valid p < 0.001): holds.");
        assertThat(v.clearToAdvance()).isTrue();
    }

    @Test
    void aLargeDropNotYetSignificantHoldsButKeepsTheRolloutWaiting() {
        GuardVerdict v = guard.evaluate(rated(70, 100), rated(800, 1000), WINDOW, null);

        assertThat(v.status()).isEqualTo(Status.OK);
        assertThat(v.words()).startsWith("Candidate helpful 70 % [60–78] vs baseline 80 % [77–82]: 13 % lower, "
                + "not yet significant (always-valid p = ");
        assertThat(v.concern()).contains("looks 13 % worse, more than the 5 % threshold");
        assertThat(v.clearToAdvance()).isFalse();
    }

    @Test
    void aBetterCandidateHolds() {
        GuardVerdict v = guard.evaluate(rated(900, 1000), rated(8000, 10_000), WINDOW, null);

        assertThat(v.status()).isEqualTo(Status.OK);
        assertThat(v.words()).contains("12 % higher, no drop");
        assertThat(v.state().metricP()).as("the one-sided test looks only for a drop").isEqualTo(1.0);
    }

    @Test
    void anErrorSpikeRollsBackBeforeAnyRating() {
        ArmCounts broken = ArmCounts.builder().visitors(100).conversations(100).answers(200).calls(200, 60, 0).build();
        ArmCounts healthy = ArmCounts.builder().visitors(900).conversations(900).answers(1800).calls(1800, 18, 0)
                .build();

        GuardVerdict v = guard.evaluate(broken, healthy, WINDOW, null);

        assertThat(v.status()).isEqualTo(Status.ROLL_BACK);
        assertThat(v.reason()).isEqualTo(Reason.ERROR_SPIKE);
        assertThat(v.trigger().metric()).isEqualTo(GuardMetric.ERROR_RATE);
        assertThat(v.words()).isEqualTo("Candidate errors 30 % [24–37] of 200 calls vs baseline 1.0 % [0.6–1.6]: above "
                + "the 2.0 % floor, significant (always-valid p < 0.001): rolled back.");
    }

    @Test
    void errorsBothArmsShareAreNoSpike() {
        // a provider outage hits both arms alike: not the candidate's fault
        ArmCounts cand = ArmCounts.builder().answers(400).calls(400, 20, 0).ratings(80, 100).build();
        ArmCounts base = ArmCounts.builder().answers(4000).calls(4000, 200, 0).ratings(800, 1000).build();

        GuardVerdict v = guard.evaluate(cand, base, WINDOW, null);

        assertThat(v.status()).isEqualTo(Status.OK);
    }

    @Test
    void fewErrorsOnLittleTrafficAreNoSpike() {
        ArmCounts cand = ArmCounts.builder().answers(60).calls(60, 4, 0).build();
        ArmCounts base = ArmCounts.builder().answers(600).calls(600, 6, 0).build();

        assertThat(guard.evaluate(cand, base, WINDOW, null).status()).isEqualTo(Status.HOLD);
    }

    @Test
    void aMetricWhereLowerIsBetterRollsBackOnARise() {
        Guard fallbacks = new Guard(GuardConfig.DEFAULTS.withMetric(GuardMetric.FALLBACK_RATE));
        ArmCounts cand = ArmCounts.builder().answers(2000).fallbacks(400).calls(2000, 0, 0).build();
        ArmCounts base = ArmCounts.builder().answers(20_000).fallbacks(3000).calls(20_000, 0, 0).build();

        GuardVerdict v = fallbacks.evaluate(cand, base, WINDOW, null);

        assertThat(v.status()).isEqualTo(Status.ROLL_BACK);
        assertThat(v.words()).startsWith("Candidate fallbacks 20 % [18–22] vs baseline 15 % [15–16]: 33 % higher, "
                + "significant");
    }

    @Test
    void theAlwaysValidPOnlyFallsWithinAWindowAndStartsAgainInANewOne() {
        GuardVerdict first = guard.evaluate(rated(140, 200), rated(1600, 2000), WINDOW, null);
        GuardVerdict later = guard.evaluate(rated(300, 400), rated(3200, 4000), WINDOW, first.state());
        GuardWindow next = GuardConfig.DEFAULTS.window(FROM, FROM.plus(java.time.Duration.ofHours(25)));
        GuardVerdict moved = guard.evaluate(rated(300, 400), rated(3200, 4000), next, later.state());

        assertThat(first.state().metricP()).isLessThan(1);
        // the later data alone would give a larger p; the always-valid p keeps the smaller
        assertThat(new Guard(GuardConfig.DEFAULTS).evaluate(rated(300, 400), rated(3200, 4000), WINDOW, null)
                .state().metricP()).isGreaterThan(first.state().metricP());
        assertThat(later.state().metricP()).isEqualTo(first.state().metricP());
        assertThat(moved.state().windowFrom()).isEqualTo(FROM.plus(java.time.Duration.ofHours(12)));
        assertThat(moved.state().metricP()).isGreaterThan(first.state().metricP());
    }

    @Test
    void laterWindowsNeedStrongerEvidence() {
        // p ≈ 0.01: significant for the first window's α/2 = 0.025, not for the third window's α/12 ≈ 0.004
        ArmCounts cand = rated(330, 450);
        ArmCounts base = rated(3200, 4000);
        GuardWindow third = GuardConfig.DEFAULTS.window(FROM, FROM.plus(java.time.Duration.ofHours(36)));

        GuardVerdict first = guard.evaluate(cand, base, WINDOW, null);
        GuardVerdict late = guard.evaluate(cand, base, third, null);

        assertThat(first.state().metricP()).isBetween(third.level(), WINDOW.level());
        assertThat(first.status()).isEqualTo(Status.ROLL_BACK);
        assertThat(late.status()).isEqualTo(Status.OK);
        assertThat(late.words()).contains("not yet significant");
    }

    @Test
    void reportsEveryMetricBothArmsHaveDataFor() {
        ArmCounts cand = ArmCounts.builder().visitors(300).conversations(300).answers(600).ratings(120, 150)
                .fallbacks(60).handoffs(15).calls(600, 6, 12).implicit(420, 600).build();
        ArmCounts base = ArmCounts.builder().visitors(2700).conversations(2700).answers(5400).ratings(1100, 1350)
                .fallbacks(500).handoffs(120).calls(5400, 50, 100).implicit(3800, 5400).build();

        GuardVerdict v = guard.evaluate(cand, base, WINDOW, null);

        assertThat(v.comparisons()).extracting(Comparison::metric).containsExactly(GuardMetric.values());
        Comparison implicit = v.comparisons().get(GuardMetric.IMPLICIT_SATISFACTION.ordinal());
        assertThat(implicit.candidate().value()).isCloseTo(0.7, within(1e-12));
        assertThat(implicit.alwaysValidP()).as("only the guarded metrics carry a sequential p").isNull();
        assertThat(v.comparisons().get(GuardMetric.ERROR_RATE.ordinal()).alwaysValidP()).isNotNull();
    }

    @Test
    void windowsAreRunningTotalsMinusTheTotalBeforeTheWindow() {
        ArmCounts total = ArmCounts.builder().visitors(10).conversations(10).answers(20).ratings(4, 5)
                .calls(20, 1, 2).implicit(3.3, 10).build();
        ArmCounts before = ArmCounts.builder().visitors(4).conversations(4).answers(8).ratings(2, 2)
                .calls(8, 0, 1).implicit(1.1, 4).build();

        ArmCounts window = total.minus(before);

        assertThat(window.visitors()).isEqualTo(6);
        assertThat(window.helpful()).isEqualTo(2);
        assertThat(window.rated()).isEqualTo(3);
        assertThat(window.implicitSum()).isCloseTo(2.2, within(1e-12));
        assertThat(before.plus(window).visitors()).isEqualTo(total.visitors());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ArmCounts.builder().ratings(6, 5).build())
                .hasMessage("helpful answers (6) cannot exceed rated answers (5)");
    }

    @Test
    void nothingToCompareWhenTheBaselineServesNoOne() {
        GuardVerdict v = guard.evaluate(rated(800, 1000), ArmCounts.EMPTY, WINDOW, null);

        assertThat(v.status()).isEqualTo(Status.HOLD);
        assertThat(v.words()).isEqualTo("No verdict: the baseline has no rated answers in the window, so there is "
                + "nothing to compare the candidate with.");
    }
}
