package com.frontline.rollouts;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An A/B experiment or a gradual rollout of a workspace.
 *
 * @param number         1, 2, 3 … per workspace
 * @param baselineVersion the version the others are compared with (the live version when it was created)
 * @param arms           the split in force, baseline first (after a rollback or stop: the baseline on 100 %)
 * @param plan           a rollout's steps; empty for an A/B experiment
 * @param step           the step in force (index into {@code plan}); -1 for an A/B experiment
 * @param gate           the offline gate (rollouts only); null for an A/B experiment
 * @param overrideReason why an admin let a blocked rollout run
 * @param createdBy      the e-mail address of who created it
 * @param startedAt      when traffic was first split
 * @param stepStartedAt  when the step in force started
 * @param endedAt        when it was completed, rolled back or stopped
 * @param lockVersion    the row's version: pass it back with an action, so that a stale page is refused
 */
public record Experiment(UUID id, int number, String name, ExperimentKind kind, ExperimentStatus status,
                         int baselineVersion, List<ExperimentArm> arms, List<PlanStep> plan, int step,
                         GuardSettings guard, @Nullable GateResult gate, @Nullable String overrideReason,
                         String createdBy, Instant createdAt, @Nullable Instant startedAt,
                         @Nullable Instant stepStartedAt, @Nullable Instant endedAt, long lockVersion) {

    public Experiment {
        arms = List.copyOf(arms);
        plan = List.copyOf(plan);
    }

    public boolean rollout() {
        return kind == ExperimentKind.ROLLOUT;
    }

    public boolean active() {
        return status.active();
    }

    /** A rollout's candidate arm (an A/B experiment has none). */
    public Optional<ExperimentArm> candidate() {
        return arms.stream().filter(a -> ExperimentArm.CANDIDATE.equals(a.name())).findFirst();
    }

    /** The baseline arm. */
    public ExperimentArm baseline() {
        return arms.stream().filter(ExperimentArm::baseline).findFirst()
                .orElse(new ExperimentArm(ExperimentArm.BASELINE, baselineVersion, Split.TOTAL));
    }

    /** Whether the step in force is the plan's last (100 %). */
    public boolean lastStep() {
        return rollout() && step == plan.size() - 1;
    }
}
