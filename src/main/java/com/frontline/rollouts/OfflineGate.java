package com.frontline.rollouts;

import com.frontline.evaluation.EvaluationRun;
import com.frontline.evaluation.EvaluationService;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.TenantId;
import com.frontline.shared.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A rollout's offline gate: the workspace's evaluation set, run once with the candidate and then once with the live
 * version (the baseline) through the evaluation module (the same evaluator as {@code eval-answers}; one run at a
 * time per workspace, so a run an admin started first is waited for). Each is scored by its mean token F1 over all
 * cases, an unanswered case scoring 0 (answer rate × mean token F1 of the answered cases). A candidate below the
 * live version is BLOCKED until an admin overrides; otherwise the rollout starts at its first step. An empty set
 * skips the gate, and says so.
 * <p>
 * {@link #progress} moves the gate on as far as it can; it is called when the rollout is created, when an evaluation
 * run finishes and by the guard job every minute, and is idempotent.
 */
@Component
class OfflineGate {

    private static final Logger log = LoggerFactory.getLogger(OfflineGate.class);
    static final String SKIPPED = "No evaluation cases: the gate was skipped.";

    private final ExperimentRepository repository;
    private final ExperimentChanges changes;
    private final EvaluationService evaluation;
    private final TransactionTemplate tx;
    private final RolloutClock clock;

    OfflineGate(ExperimentRepository repository, ExperimentChanges changes, EvaluationService evaluation,
                TransactionTemplate tx, RolloutClock clock) {
        this.repository = repository;
        this.changes = changes;
        this.evaluation = evaluation;
        this.tx = tx;
        this.clock = clock;
    }

    /** Moves the workspace's GATING rollout on, if it has one. */
    void progress(TenantId tenant) {
        Optional<UUID> gating = tx.execute(s -> repository.active(tenant)
                .filter(e -> e.status() == ExperimentStatus.GATING)
                .map(StoredExperiment::id));
        if (gating != null) {
            gating.ifPresent(id -> progress(tenant, id));
        }
    }

    /** Starts the next evaluation run, or decides once both are done; nothing while a run is going. */
    void progress(TenantId tenant, UUID id) {
        tx.executeWithoutResult(status -> {
            StoredExperiment s = repository.lock(tenant, id).orElse(null);
            if (s == null || s.status() != ExperimentStatus.GATING) {
                return;
            }
            step(tenant, s);
        });
    }

    private void step(TenantId tenant, StoredExperiment s) {
        Experiment e = s.experiment();
        GateResult gate = e.gate();
        int candidate = e.candidate().orElseThrow().version();
        UUID candidateRun = gate == null ? null : gate.candidateRunId();
        UUID baselineRun = gate == null ? null : gate.baselineRunId();
        if (candidateRun == null) {
            Optional<EvaluationRun> started = start(tenant, e, candidate, "candidate");
            if (started == null) {
                return;
            }
            if (started.isEmpty()) {
                changes.start(tenant, s, null, "gate_passed", SKIPPED,
                        new GateResult(null, null, null, null, true, SKIPPED), null, clock.instant());
                return;
            }
            repository.gateRuns(tenant, e.id(), started.get().id(), null);
            return;
        }
        EvaluationRun cand = run(tenant, candidateRun);
        if (cand == null || cand.running()) {
            return;
        }
        if (!cand.succeeded()) {
            changes.block(tenant, s, failed(candidateRun, baselineRun, cand, "candidate", candidate), clock.instant());
            return;
        }
        if (baselineRun == null) {
            Optional<EvaluationRun> started = start(tenant, e, e.baselineVersion(), "live version");
            if (started == null) {
                return;
            }
            if (started.isEmpty()) { // every case was deleted in the meantime
                changes.start(tenant, s, null, "gate_passed", SKIPPED,
                        new GateResult(null, candidateRun, null, score(cand), true, SKIPPED), null, clock.instant());
                return;
            }
            repository.gateRuns(tenant, e.id(), candidateRun, started.get().id());
            return;
        }
        EvaluationRun base = run(tenant, baselineRun);
        if (base == null || base.running()) {
            return;
        }
        if (!base.succeeded()) {
            changes.block(tenant, s, failed(candidateRun, baselineRun, base, "live version", e.baselineVersion()),
                    clock.instant());
            return;
        }
        GateResult result = decide(candidateRun, baselineRun, cand, base, candidate, e.baselineVersion(),
                e.plan().getFirst());
        if (result.passed()) {
            changes.start(tenant, s, null, "gate_passed", result.summary(), result, null, clock.instant());
        } else {
            changes.block(tenant, s, result, clock.instant());
        }
        log.info("Workspace {}: rollout {} offline gate: {}", tenant, e.number(), result.summary());
    }

    /** @return the run, empty when the set has no case, null when another run is in progress (try later) */
    private @Nullable Optional<EvaluationRun> start(TenantId tenant, Experiment e, int version, String which) {
        if (evaluation.runInProgress(tenant)) {
            return null;
        }
        try {
            return evaluation.startForVersion(tenant, version, "Rollout " + e.number() + ": offline gate, "
                    + which + " v" + version);
        } catch (UserFacingException busy) {
            return null;
        }
    }

    private @Nullable EvaluationRun run(TenantId tenant, UUID runId) {
        try {
            return evaluation.run(tenant, runId);
        } catch (NotFoundException gone) {
            return null;
        }
    }

    /** Mean token F1 over all cases, an unanswered case scoring 0. */
    static double score(EvaluationRun run) {
        double answered = run.answerRate() == null ? 0 : run.answerRate();
        double f1 = run.meanTokenF1() == null ? 0 : run.meanTokenF1();
        return answered * f1;
    }

    static GateResult decide(UUID candidateRun, UUID baselineRun, EvaluationRun cand, EvaluationRun base,
                             int candidate, int baseline, PlanStep first) {
        double c = score(cand);
        double b = score(base);
        // scores are compared to three decimals: the same configuration scores the same, give or take rounding
        boolean passed = Math.round(c * 1000) >= Math.round(b * 1000);
        String summary = String.format(Locale.ROOT, "Offline gate on %d cases, scored by mean token F1 over all "
                        + "cases (an unanswered case scores 0): candidate v%d %.3f (answered %s, F1 %.3f) against "
                        + "live v%d %.3f (answered %s, F1 %.3f). ", cand.total(), candidate, c, pct(cand.answerRate()),
                orZero(cand.meanTokenF1()), baseline, b, pct(base.answerRate()), orZero(base.meanTokenF1()))
                + (passed ? "At least as good as live: the rollout starts at " + first.percent() + "."
                : "Below live: the rollout is blocked; an admin may override with a reason.");
        return new GateResult(baselineRun, candidateRun, b, c, passed, summary);
    }

    private static GateResult failed(UUID candidateRun, @Nullable UUID baselineRun, EvaluationRun run, String which,
                                     int version) {
        String summary = "The offline gate could not score the " + which + " (v" + version + "): its evaluation run "
                + run.number() + " failed" + (run.statusDetail() == null ? "." : " (" + run.statusDetail() + ").")
                + " The rollout is blocked; an admin may override with a reason.";
        return new GateResult(baselineRun, candidateRun, null, null, false, summary);
    }

    private static String pct(@Nullable Double share) {
        return share == null ? "–" : String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    private static double orZero(@Nullable Double d) {
        return d == null ? 0 : d;
    }
}
