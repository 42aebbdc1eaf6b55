package com.frontline.rollouts.simulation;

import com.frontline.rollouts.ArmCounts;
import com.frontline.rollouts.GuardVerdict;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What a rehearsal did.
 *
 * @param visitors              visitors simulated (fewer than asked when it stopped at the rollback)
 * @param servedBeforeRollback  visitors that arrived up to the rollback (all of them without one)
 * @param candidateServed       of those, the ones the candidate served
 * @param visitorsUntilRollback visitors that had arrived when the guard rolled back, or null
 * @param minutes               simulated minutes
 * @param rollbackMinute        the simulated minute of the rollback, or null
 * @param assignmentStable      every visitor re-assigned from scratch got the arm it was served by, and this JVM
 *                              computes the reference bucket of the scheme
 * @param finalStep             the plan step in force at the end (0 for a fixed split)
 * @param lastVerdict           the guard's last verdict (the rollback's, if any)
 * @param events                step changes and the rollback, in words, with their minute
 */
public record Outcome(int visitors, int servedBeforeRollback, int candidateServed,
                      @Nullable Integer visitorsUntilRollback, long minutes, @Nullable Long rollbackMinute,
                      boolean assignmentStable, int finalStep, @Nullable GuardVerdict lastVerdict,
                      ArmCounts candidate, ArmCounts baseline, List<String> events) {

    public Outcome {
        events = List.copyOf(events);
    }

    public boolean rolledBack() {
        return visitorsUntilRollback != null;
    }

    /** The fraction of the visitors up to the rollback (all, without one) that the candidate served. */
    public double candidateShare() {
        return servedBeforeRollback == 0 ? 0 : candidateServed / (double) servedBeforeRollback;
    }
}
