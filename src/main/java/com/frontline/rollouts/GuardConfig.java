package com.frontline.rollouts;

import java.time.Duration;
import java.time.Instant;

/**
 * What the guard watches and when it acts.
 *
 * @param metric        the quality metric (default: helpful rate)
 * @param relativeDrop  how much worse, relative to the baseline, the candidate must look before a rollback (0.05:
 *                      5 %, so helpful 80 % → below 76 %)
 * @param level         the significance level α (0.05): the chance of a false rollback over a whole step is at
 *                      most α, shared between its guard windows ({@link #window}); intervals are shown at 1 − α
 * @param minSample     no verdict on the metric before each arm has this many of its sample (rated answers)
 * @param mixingSd      τ of the sequential test, in rate units: it is most sensitive to differences of about τ
 * @param errorFloor    an error spike needs the candidate's error rate above this (0.02: 2 % of calls) and
 *                      significantly above the baseline's; also the least rate the errors' variance is taken at
 * @param errorMinCalls no error verdict before each arm has this many provider calls
 * @param window        the guard window's length: see {@link #windowFrom}
 */
public record GuardConfig(GuardMetric metric, double relativeDrop, double level, long minSample, double mixingSd,
                          double errorFloor, long errorMinCalls, Duration window) {

    public static final GuardConfig DEFAULTS = new GuardConfig(GuardMetric.HELPFUL_RATE, 0.05, 0.05, 100, 0.05, 0.02,
            50, Duration.ofHours(24));

    public GuardConfig {
        if (!metric.guardable()) {
            throw new InvalidPlanException("metric", "The guard watches a quality metric (helpful, fallbacks, "
                    + "handoffs or implicit satisfaction); errors are always watched.");
        }
        if (!(relativeDrop > 0 && relativeDrop < 1)) {
            throw new InvalidPlanException("relativeDrop", "The rollback threshold must be between 0 % and 100 %.");
        }
        if (!(level >= 0.001 && level <= 0.2)) {
            throw new InvalidPlanException("level", "The significance level must be from 0.001 to 0.2 (0.05 means "
                    + "95 % confidence).");
        }
        if (minSample < 10) {
            throw new InvalidPlanException("minSample", "The minimum sample must be at least 10 " + metric.sample()
                    + " per arm; fewer gives no meaningful verdict.");
        }
        if (!(mixingSd > 0 && mixingSd <= 1)) {
            throw new InvalidPlanException("mixingSd", "The test's mixing spread must be above 0 and at most 1.");
        }
        if (!(errorFloor > 0 && errorFloor < 0.5)) {
            throw new InvalidPlanException("errorFloor", "The error floor must be between 0 % and 50 % of calls.");
        }
        if (errorMinCalls < 10) {
            throw new InvalidPlanException("errorMinCalls", "The minimum for an error verdict must be at least 10 "
                    + "calls per arm.");
        }
        if (window.compareTo(Duration.ofMinutes(10)) < 0) {
            throw new InvalidPlanException("window", "The guard window must be at least 10 minutes long.");
        }
    }

    public GuardConfig withMetric(GuardMetric m) {
        return new GuardConfig(m, relativeDrop, level, minSample, mixingSd, errorFloor, errorMinCalls, window);
    }

    public GuardConfig withRelativeDrop(double d) {
        return new GuardConfig(metric, d, level, minSample, mixingSd, errorFloor, errorMinCalls, window);
    }

    public GuardConfig withMinSample(long n) {
        return new GuardConfig(metric, relativeDrop, level, n, mixingSd, errorFloor, errorMinCalls, window);
    }

    public GuardConfig withWindow(Duration w) {
        return new GuardConfig(metric, relativeDrop, level, minSample, mixingSd, errorFloor, errorMinCalls, w);
    }

    /**
     * The guard window at {@code now} for a step that started at {@code stepStart}: the guard counts each arm's
     * traffic from {@link GuardWindow#from()} to {@code now}.
     * <p>
     * During the step's first window length it starts at the step's start, so the sequential test sees all of the
     * step's traffic. After that it moves in jumps of half a window, to {@code stepStart + (k − 1)·w/2} where
     * {@code k} is the number of whole half-windows since the step started, so the counts cover between half a window
     * and a whole one and a regression that starts late is not diluted by days of good traffic.
     * <p>
     * Each jump starts a fresh sequential test ({@link GuardState} keeps the window start), and the windows share the
     * significance level α so that the chance of a false rollback over the whole step, however long it runs and
     * however often the guard looks, stays at most α: the first window spends α/2, window {@code k ≥ 2} spends
     * {@code α / (2k(k − 1))} (α/4, α/12, α/24, …; these sum to α/2).
     */
    public GuardWindow window(Instant stepStart, Instant now) {
        if (!now.isAfter(stepStart)) {
            return new GuardWindow(stepStart, 1, level / 2);
        }
        Duration half = window.dividedBy(2);
        long k = Duration.between(stepStart, now).dividedBy(half);
        if (k < 2) {
            return new GuardWindow(stepStart, 1, level / 2);
        }
        // k = 2: the second window, from stepStart + w/2; k = 3: the third, from stepStart + w; …
        int index = (int) Math.min(k, Integer.MAX_VALUE);
        return new GuardWindow(stepStart.plus(half.multipliedBy(k - 1)), index, level / (2.0 * k * (k - 1)));
    }
}
