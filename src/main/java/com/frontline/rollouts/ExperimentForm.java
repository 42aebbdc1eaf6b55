package com.frontline.rollouts;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A new experiment as the form sends it; {@link Rollouts#create} checks every field.
 *
 * @param candidateVersion   a rollout's candidate (the baseline is the live version)
 * @param arms               an A/B/n experiment's arms: version and percent; one of them the live version
 * @param stepPercents       a rollout's steps in percent ("10", "50", "100"); empty for the default 10 → 50 → 100
 * @param minDurationMinutes each step's minimum duration (default 60)
 * @param minSample          rated answers per arm before any verdict, and per step before it advances (default 100)
 * @param relativeDropPercent the rollback threshold in percent (default 5)
 * @param alpha              the significance level (default 0.05)
 */
public record ExperimentForm(String name, ExperimentKind kind, @Nullable Integer candidateVersion,
                             List<ArmForm> arms, List<String> stepPercents,
                             @Nullable String minDurationMinutes, @Nullable String minSample,
                             @Nullable String relativeDropPercent, @Nullable String alpha, boolean autoAdvance) {

    public ExperimentForm {
        name = name == null ? "" : name;
        kind = kind == null ? ExperimentKind.ROLLOUT : kind;
        arms = arms == null ? List.of() : List.copyOf(arms);
        stepPercents = stepPercents == null ? List.of() : List.copyOf(stepPercents);
    }

    /** One arm of an A/B/n form. */
    public record ArmForm(@Nullable Integer version, @Nullable String percent) {
    }
}
