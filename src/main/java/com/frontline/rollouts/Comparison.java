package com.frontline.rollouts;

import com.frontline.rollouts.stats.Interval;
import com.frontline.rollouts.stats.Rate;
import org.jspecify.annotations.Nullable;

/**
 * One metric, candidate against baseline, over the guard window: both rates with their Wilson intervals, the
 * relative change, the Newcombe interval of the difference, the fixed-horizon z-test's two-sided p-value (for
 * reading once, as a report), and, for the metrics the guard decides on, the always-valid p-value.
 *
 * @param relativeChange {@code (candidate − baseline) / baseline}: −0.11 is "11 % lower"; NaN when the baseline is 0
 * @param difference     candidate − baseline, with its interval at the guard's confidence
 * @param alwaysValidP   the sequential test's p-value, or null for a metric the guard only reports
 */
public record Comparison(GuardMetric metric, Rate candidate, Interval candidateInterval, Rate baseline,
                         Interval baselineInterval, double relativeChange, Interval difference,
                         double zTestP, @Nullable Double alwaysValidP) {

    /** How much worse the candidate is, relative to the baseline, in the metric's bad direction (negative: better). */
    public double relativeWorsening() {
        if (Double.isNaN(relativeChange)) {
            return candidate.value() > 0 && !metric.higherIsBetter() ? Double.POSITIVE_INFINITY : 0;
        }
        return metric.higherIsBetter() ? -relativeChange : relativeChange;
    }
}
