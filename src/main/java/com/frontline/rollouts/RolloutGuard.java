package com.frontline.rollouts;

import com.frontline.rollouts.StepDecision.Action;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The guard: every minute (a db-scheduler recurring task, so once per cluster) it looks at each RUNNING experiment,
 * compares each arm with the baseline over the guard window with the engine's {@link Guard}, and
 * <ul>
 *     <li>on ROLL_BACK returns all traffic to the baseline in one transaction, under the experiment's row lock, with
 *     a deployment event carrying the numbers, an audit entry and a quality-drop alert;</li>
 *     <li>for a rollout whose step has run its minimum duration and sample while the guard holds, advances it (when
 *     it advances by itself); reaching the last step (100 %) completes it and makes the candidate live.</li>
 * </ul>
 * A/B experiments are guarded too, but never complete by themselves. GATING rollouts get their gate moved on.
 */
@Component
class RolloutGuard {

    private static final Logger log = LoggerFactory.getLogger(RolloutGuard.class);

    /**
     * One look at a running experiment.
     *
     * @param verdict    the deciding verdict: a rollback if any arm rolls back, else no verdict if any arm has none,
     *                   else the arm with a concern, else the first
     * @param arm        the arm the deciding verdict is about
     * @param states     each compared arm's state for the next look
     * @param step       a rollout's step decision (null for A/B)
     */
    record Look(GuardVerdict verdict, String arm, Map<String, GuardState> states, @Nullable StepDecision step,
                Map<String, Object> numbers) {
    }

    private final ExperimentRepository repository;
    private final ExperimentChanges changes;
    private final ExperimentMetrics metrics;
    private final OfflineGate gate;
    private final TransactionTemplate tx;
    private final RolloutClock clock;

    RolloutGuard(ExperimentRepository repository, ExperimentChanges changes, ExperimentMetrics metrics,
                 OfflineGate gate, TransactionTemplate tx, RolloutClock clock) {
        this.repository = repository;
        this.changes = changes;
        this.metrics = metrics;
        this.gate = gate;
        this.tx = tx;
        this.clock = clock;
    }

    /** Every workspace's active experiment, one after the other; one failing does not stop the others. */
    void lookAll() {
        List<ExperimentRepository.ActiveRef> active = tx.execute(s -> repository.activeEverywhere());
        for (ExperimentRepository.ActiveRef ref : active == null ? List.<ExperimentRepository.ActiveRef>of()
                : active) {
            MDC.put("tenant", ref.tenant().toString());
            try {
                switch (ref.status()) {
                    case RUNNING -> look(ref.tenant(), ref.id());
                    case GATING -> gate.progress(ref.tenant(), ref.id());
                    default -> {
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Workspace {}: the guard could not look at experiment {}", ref.tenant(), ref.id(), e);
            } finally {
                MDC.remove("tenant");
            }
        }
    }

    /** One look at a RUNNING experiment, under its row lock; nothing when it is not running any more. */
    void look(TenantId tenant, UUID id) {
        tx.executeWithoutResult(status -> {
            StoredExperiment s = repository.lock(tenant, id).orElse(null);
            if (s == null || s.status() != ExperimentStatus.RUNNING) {
                return;
            }
            Instant now = clock.instant();
            Look look = evaluate(tenant, s, now);
            repository.recordLook(tenant, id, look.states(), now);
            StoredExperiment current = new StoredExperiment(s.experiment(), s.bucketOrder(), look.states(),
                    s.guardLooks() + 1, now, s.lastChange(), s.lastChangeBy(), s.changedAt(), s.createdById());
            if (look.verdict().rollBack()) {
                changes.rollBack(tenant, current, null, look.verdict().words(), look.numbers(), now);
            } else if (look.step() != null && look.step().action() == Action.ADVANCE) {
                changes.advance(tenant, current, null, look.step().words(), look.numbers(), now);
            }
        });
    }

    /** The guard's verdict at {@code now} (and a rollout's step decision); stores nothing. */
    Look evaluate(TenantId tenant, StoredExperiment s, Instant now) {
        Experiment e = s.experiment();
        GuardConfig config = e.guard().config();
        Guard guard = new Guard(config);
        GuardWindow window = ExperimentMetrics.window(e, now);
        var figures = metrics.figures(tenant, e.arms(), window.from(), now, false);
        ArmCounts baseline = figures.get(ExperimentArm.BASELINE).counts();
        Map<String, GuardState> states = new LinkedHashMap<>();
        GuardVerdict deciding = null;
        String decidingArm = null;
        for (ExperimentArm arm : e.arms()) {
            if (arm.baseline()) {
                continue;
            }
            GuardVerdict v = guard.evaluate(figures.get(arm.name()).counts(), baseline, window,
                    s.guardState().get(arm.name()));
            states.put(arm.name(), v.state());
            if (deciding == null || rank(v) > rank(deciding)) {
                deciding = v;
                decidingArm = arm.name();
            }
        }
        if (deciding == null) {
            throw new IllegalStateException("Experiment " + e.id() + " has no arm besides its baseline");
        }
        StepDecision step = null;
        if (e.rollout()) {
            Instant stepStart = e.stepStartedAt() == null ? ExperimentMetrics.start(e) : e.stepStartedAt();
            ArmCounts inStep = window.from().equals(stepStart) ? figures.get(ExperimentArm.CANDIDATE).counts()
                    : metrics.figures(tenant, List.of(e.candidate().orElseThrow()), stepStart, now,
                            ExperimentMetrics.Count.ROLLED_UP, false)
                    .get(ExperimentArm.CANDIDATE).counts();
            RolloutPlan plan = new RolloutPlan(e.plan(), e.guard().autoAdvance() ? RolloutPlan.Mode.AUTOMATIC
                    : RolloutPlan.Mode.MANUAL);
            step = plan.decide(e.step(), stepStart, inStep, deciding, now);
        }
        return new Look(deciding, decidingArm, states, step, numbers(e, decidingArm, deciding, window));
    }

    /** ROLL_BACK > HOLD > OK with a concern > OK. */
    private static int rank(GuardVerdict v) {
        return switch (v.status()) {
            case ROLL_BACK -> 3;
            case HOLD -> 2;
            case OK -> v.concern() == null ? 0 : 1;
        };
    }

    /** The figures behind a verdict, by name with their unit, for the deployment event and the alert. */
    static Map<String, Object> numbers(Experiment e, String arm, GuardVerdict v, GuardWindow window) {
        Map<String, Object> n = new LinkedHashMap<>();
        ExperimentArm compared = e.arms().stream().filter(a -> a.name().equals(arm)).findFirst().orElseThrow();
        n.put("arm", arm);
        n.put("candidate version", compared.version());
        n.put("baseline version", e.baselineVersion());
        Comparison c = v.trigger();
        if (c != null) {
            String label = c.metric().label();
            n.put("candidate " + label + " (%)", round(100 * c.candidate().value(), 1));
            n.put("baseline " + label + " (%)", round(100 * c.baseline().value(), 1));
            n.put("candidate " + c.metric().sample(), (long) c.candidate().count());
            n.put("baseline " + c.metric().sample(), (long) c.baseline().count());
            if (!Double.isNaN(c.relativeChange())) {
                n.put("relative change (%)", round(100 * c.relativeChange(), 1));
            }
            if (c.alwaysValidP() != null) {
                n.put("always-valid p", round(c.alwaysValidP(), 4));
            }
        }
        n.put("threshold (%)", round(100 * e.guard().relativeDrop(), 1));
        n.put("significance level", e.guard().alpha());
        n.put("window from", window.from().toString());
        return n;
    }

    private static double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
