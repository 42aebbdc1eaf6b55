package com.frontline.rollouts;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An experiment as stored, with what only this module reads: its arms in bucket order (the order {@link Split}
 * assigns buckets in), the guard's state per compared arm, how often the guard looked, and the last change in words
 * (for the conflict message).
 *
 * @param bucketOrder  the arms by their place in the split (a rollout's candidate first)
 * @param guardState   per compared arm, what the guard carries to its next look
 * @param lastChange   "rolled it back", "advanced it to 50 %"
 * @param lastChangeBy who made the last change; null: the guard or the gate
 */
record StoredExperiment(Experiment experiment, List<ExperimentArm> bucketOrder, Map<String, GuardState> guardState,
                        long guardLooks, @Nullable Instant guardLookedAt, String lastChange,
                        @Nullable String lastChangeBy, Instant changedAt, @Nullable UUID createdById) {

    StoredExperiment {
        bucketOrder = List.copyOf(bucketOrder);
        guardState = Map.copyOf(guardState);
    }

    UUID id() {
        return experiment.id();
    }

    ExperimentStatus status() {
        return experiment.status();
    }

    /** The split in force, arms in bucket order. */
    Split split() {
        return new Split(bucketOrder.stream().map(a -> new ArmShare(a.name(), a.basisPoints())).toList());
    }

    /** The arms in display order: the baseline first, then the others in bucket order. */
    static List<ExperimentArm> displayOrder(List<ExperimentArm> bucketOrder) {
        return bucketOrder.stream()
                .sorted(Comparator.comparing((ExperimentArm a) -> !a.baseline()))
                .toList();
    }

    /** The split in force in words: "v3 90 % · v4 10 %" (arms on 0 % left out). */
    static String words(List<ExperimentArm> displayOrder) {
        StringBuilder s = new StringBuilder();
        for (ExperimentArm a : displayOrder) {
            if (a.basisPoints() > 0) {
                s.append(s.isEmpty() ? "" : " · ").append(a.versionLabel()).append(' ').append(a.percent());
            }
        }
        return s.toString();
    }
}
