package com.frontline.rollouts;

import java.time.Duration;

/**
 * One step of a rollout: the candidate's share, and what must have happened before the next step: the step has run
 * for {@code minDuration}, the candidate has collected the guard metric's sample ({@code minSample}, e.g. rated
 * answers) in it, and the guard holds. The last step (100 %) has nothing to wait for.
 */
public record PlanStep(int candidateBasisPoints, Duration minDuration, int minSample) {

    public PlanStep {
        if (candidateBasisPoints <= 0 || candidateBasisPoints > Split.TOTAL) {
            throw new InvalidPlanException("steps", "Each step gives the candidate more than 0 % and at most 100 %, "
                    + "not " + Split.percent(candidateBasisPoints) + ".");
        }
        if (minDuration.isNegative()) {
            throw new InvalidPlanException("minDuration", "A step's minimum duration cannot be negative.");
        }
        if (minSample < 0) {
            throw new InvalidPlanException("minSample", "A step's minimum sample cannot be negative.");
        }
    }

    /** A step with the default minimums: an hour and 100 rated answers. */
    public static PlanStep of(int candidateBasisPoints) {
        return new PlanStep(candidateBasisPoints, Duration.ofHours(1), 100);
    }

    /** "10 %". */
    public String percent() {
        return Split.percent(candidateBasisPoints);
    }
}
