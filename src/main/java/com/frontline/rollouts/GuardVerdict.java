package com.frontline.rollouts;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * The guard's decision at one look, with the numbers behind it and the sentence a person reads.
 *
 * @param metric      the guard metric
 * @param trigger     the comparison the decision rests on: the guard metric, or the errors when they spiked; null
 *                    while there is no sample to compare
 * @param concern     why a rollout should not advance although nothing is rolled back (the metric looks worse than
 *                    the threshold but not significantly yet, or the errors are above the floor), or null
 * @param comparisons every metric both arms have data for, for the dashboard and the rollback record
 * @param state       what to pass to the next look at the same step
 */
public record GuardVerdict(Status status, Reason reason, String words, GuardMetric metric,
                           @Nullable Comparison trigger, @Nullable String concern, List<Comparison> comparisons,
                           GuardState state) {

    public GuardVerdict {
        comparisons = List.copyOf(comparisons);
    }

    public enum Status {
        /** Not enough sample yet: no verdict. */
        HOLD,
        /** The candidate holds up. */
        OK,
        /** Return all traffic to the baseline. */
        ROLL_BACK
    }

    public enum Reason {
        NOT_ENOUGH_SAMPLE,
        /** Nothing against the candidate. */
        NONE,
        /** The guard metric dropped by more than the threshold, significantly. */
        METRIC_DROP,
        /** The candidate's errors rose above the floor, significantly above the baseline's. */
        ERROR_SPIKE
    }

    public boolean rollBack() {
        return status == Status.ROLL_BACK;
    }

    /** The guard metrics hold: a rollout step may advance on them. */
    public boolean clearToAdvance() {
        return status == Status.OK && concern == null;
    }
}
