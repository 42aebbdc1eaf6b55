package com.frontline.rollouts;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/**
 * The offline gate of a rollout: the workspace's evaluation set run once with the candidate and once with the live
 * (baseline) version, and whether the candidate scored at least as well.
 *
 * @param baselineRunId  the live version's evaluation run, null before it starts (or when the set is empty)
 * @param candidateRunId the candidate's evaluation run, null before it starts (or when the set is empty)
 * @param baselineScore  the live version's score, null until its run is done
 * @param candidateScore the candidate's score, null until its run is done
 * @param summary        what was compared and what came of it, in words
 */
public record GateResult(@Nullable UUID baselineRunId, @Nullable UUID candidateRunId, @Nullable Double baselineScore,
                         @Nullable Double candidateScore, boolean passed, String summary) {
}
