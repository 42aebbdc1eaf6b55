package com.frontline.rollouts;

/** Where an experiment is. The first three hold the workspace's traffic; the rest are final. */
public enum ExperimentStatus {
    /** The offline gate's evaluation runs are going; all traffic stays on the baseline. */
    GATING,
    /** The candidate scored below the live version offline; an admin may override with a reason. */
    BLOCKED,
    /** Traffic is split between the arms. */
    RUNNING,
    /** The rollout reached 100 % and its candidate is the live version. */
    COMPLETED,
    /** The guard or a person returned all traffic to the baseline. */
    ROLLED_BACK,
    /** Ended by a person; all traffic is on the baseline. */
    STOPPED;

    /** Whether the experiment still holds the workspace's traffic (at most one such per workspace). */
    public boolean active() {
        return this == GATING || this == BLOCKED || this == RUNNING;
    }

    /** "Gating", "Rolled back". */
    public String label() {
        String s = name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
