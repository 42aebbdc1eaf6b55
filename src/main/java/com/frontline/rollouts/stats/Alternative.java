package com.frontline.rollouts.stats;

/**
 * What a test looks for in {@code treatment − control}: any difference, or a difference in one direction. In the
 * rollout guard, the treatment is the candidate and the control the baseline.
 */
public enum Alternative {
    /** The rates differ. */
    TWO_SIDED,
    /** The treatment's rate is below the control's. */
    LESS,
    /** The treatment's rate is above the control's. */
    GREATER
}
