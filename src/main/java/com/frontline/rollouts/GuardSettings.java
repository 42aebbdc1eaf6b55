package com.frontline.rollouts;

import java.time.Duration;

/**
 * What an experiment's guard watches and when it acts.
 *
 * @param metric       the quality metric by its label: "helpful" (👍 of rated answers), "fallbacks", "handoffs" or
 *                     "implicit satisfaction"
 * @param relativeDrop how much worse, relative to the baseline, before a rollback (0.05: 5 %)
 * @param alpha        the significance level (0.05)
 * @param window       the guard's sliding window (24 h)
 * @param minSample    no verdict before each arm has this many of the metric's sample (rated answers)
 * @param autoAdvance  a rollout's steps advance by themselves once they may (otherwise by the button)
 */
public record GuardSettings(String metric, double relativeDrop, double alpha, Duration window, int minSample,
                            boolean autoAdvance) {

    public static final GuardSettings DEFAULTS = new GuardSettings(GuardMetric.HELPFUL_RATE.label(), 0.05, 0.05,
            Duration.ofHours(24), 100, true);

    /** The engine's configuration for these settings (its other knobs at their defaults). */
    public GuardConfig config() {
        GuardMetric m = java.util.Arrays.stream(GuardMetric.values())
                .filter(g -> g.label().equals(metric))
                .findFirst()
                .orElse(GuardMetric.HELPFUL_RATE);
        GuardConfig d = GuardConfig.DEFAULTS;
        return new GuardConfig(m, relativeDrop, alpha, minSample, d.mixingSd(), d.errorFloor(), d.errorMinCalls(),
                window);
    }
}
