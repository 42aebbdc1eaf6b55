package com.frontline.rollouts.web;

import com.frontline.rollouts.ArmMetrics;
import com.frontline.rollouts.DeploymentEvent;
import com.frontline.rollouts.Experiment;
import com.frontline.rollouts.ExperimentArm;
import com.frontline.rollouts.ExperimentKind;
import com.frontline.rollouts.ExperimentStatus;
import com.frontline.rollouts.GateResult;
import com.frontline.rollouts.GuardSettings;
import com.frontline.rollouts.PlanStep;
import com.frontline.rollouts.SeriesPoint;
import com.frontline.rollouts.stats.Percentiles;
import com.frontline.rollouts.stats.Rate;
import com.frontline.rollouts.stats.Wilson;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Experiments, metrics and series as the service would return them, for the page tests. */
final class RolloutFixtures {

    static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    private RolloutFixtures() {
    }

    /** A rollout of version 4 over live version 3 at step {@code step} of 10 → 50 → 100 %. */
    static Experiment rollout(UUID id, ExperimentStatus status, int step, @Nullable GateResult gate) {
        List<PlanStep> plan = List.of(new PlanStep(1000, Duration.ofHours(1), 100),
                new PlanStep(5000, Duration.ofHours(1), 100), new PlanStep(10_000, Duration.ZERO, 0));
        int candidate = status == ExperimentStatus.RUNNING ? plan.get(step).candidateBasisPoints() : 0;
        List<ExperimentArm> arms = List.of(new ExperimentArm("baseline", 3, 10_000 - candidate),
                new ExperimentArm("candidate", 4, candidate));
        return new Experiment(id, 7, "Friendlier fallback", ExperimentKind.ROLLOUT, status, 3, arms, plan, step,
                GuardSettings.DEFAULTS, gate, null, "ada@example.com", T0, status == ExperimentStatus.RUNNING ? T0
                : null, status == ExperimentStatus.RUNNING ? T0 : null, null, 42);
    }

    static Experiment running(UUID id) {
        return rollout(id, ExperimentStatus.RUNNING, 0, new GateResult(null, null, 0.8, 0.82, true,
                "Version 4 answered 82 % of the evaluation set, version 3 80 %."));
    }

    static ArmMetrics arm(String name, int version, long helpful, long rated) {
        Rate h = Rate.of(helpful, rated);
        return new ArmMetrics(name, version, 500, 480, 900, h, Wilson.interval(h, 0.95), Rate.of(36, 900),
                Rate.of(12, 480), new Rate(300.5, 420), Rate.of(9, 900), Rate.of(2, 950), Rate.of(5, 950),
                new Percentiles(900, 820, 1900, 3100), 1534.4, 0.0041);
    }

    /** Three hourly buckets per arm; the candidate has no rated answer in the second. */
    static List<SeriesPoint> series() {
        List<SeriesPoint> points = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            Instant at = T0.plus(Duration.ofHours(h));
            Rate base = Rate.of(80, 100);
            points.add(new SeriesPoint(at, "baseline", base, Wilson.interval(base, 0.95)));
            Rate cand = h == 1 ? Rate.EMPTY : Rate.of(7, 10);
            points.add(new SeriesPoint(at, "candidate", cand, cand.isEmpty()
                    ? new com.frontline.rollouts.stats.Interval(0, 1) : Wilson.interval(cand, 0.95)));
        }
        return points;
    }

    static DeploymentEvent guardRollback() {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("Helpful, candidate", 0.71);
        numbers.put("Helpful, baseline", 0.8);
        numbers.put("Rated answers, candidate", 412L);
        return new DeploymentEvent(T0.plus(Duration.ofHours(3)), null, "rolled_back", "v3 90 % · v4 10 %",
                "v3 100 %", "Helpful answers dropped 11 % on version 4 (71 % against 80 %).", numbers);
    }
}
