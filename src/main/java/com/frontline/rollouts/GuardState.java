package com.frontline.rollouts;

import java.time.Instant;

/**
 * What the guard carries from one look to the next: the always-valid p-values so far (they only ever fall) and the
 * window start they belong to. A new window start begins them again at 1. Store it with the experiment's step.
 *
 * @param windowFrom the start of the window the p-values were computed over
 * @param metricP    the guard metric's always-valid p-value ("the candidate is worse")
 * @param errorP     the errors' always-valid p-value ("the candidate fails more often")
 */
public record GuardState(Instant windowFrom, double metricP, double errorP) {

    public GuardState {
        if (!(metricP > 0 && metricP <= 1) || !(errorP > 0 && errorP <= 1)) {
            throw new IllegalArgumentException("p-values above 0 and at most 1, not " + metricP + " and " + errorP);
        }
    }

    /** The state before the first look at a window. */
    public static GuardState start(Instant windowFrom) {
        return new GuardState(windowFrom, 1, 1);
    }
}
