package com.frontline.rollouts.simulation;

import com.frontline.rollouts.GuardConfig;
import com.frontline.rollouts.RolloutPlan;
import com.frontline.rollouts.Split;
import org.jspecify.annotations.Nullable;

/**
 * One rehearsal: {@code visitors} synthetic visitors arriving {@code visitorsPerMinute} a minute, either on a fixed
 * split (the candidate on {@code splitBasisPoints}) or through a rollout plan, with the guard looking every
 * simulated minute.
 *
 * @param plan           a gradual rollout, or null for a fixed split
 * @param stopAtRollback stop as soon as the guard rolls back (rehearsals that only want the time to catch a drop)
 */
public record Scenario(int visitors, int visitorsPerMinute, VisitorModel model, int splitBasisPoints,
                       @Nullable RolloutPlan plan, GuardConfig guard, long seed, boolean stopAtRollback) {

    public Scenario {
        if (visitors < 1) {
            throw new IllegalArgumentException("at least one visitor");
        }
        if (visitorsPerMinute < 1) {
            throw new IllegalArgumentException("at least one visitor a minute");
        }
        if (plan == null && (splitBasisPoints <= 0 || splitBasisPoints >= Split.TOTAL)) {
            throw new IllegalArgumentException("a fixed split gives the candidate more than 0 % and less than 100 %");
        }
    }

    /** A fixed split, ten visitors a minute, the default guard. */
    public static Scenario fixed(int visitors, VisitorModel model, int splitBasisPoints, long seed) {
        return new Scenario(visitors, 10, model, splitBasisPoints, null, GuardConfig.DEFAULTS, seed, false);
    }

    /** The candidate's share at the start, in basis points. */
    public int startBasisPoints() {
        return plan == null ? splitBasisPoints : plan.step(0).candidateBasisPoints();
    }
}
