package com.frontline.rollouts;

import com.frontline.alerts.AlertKind;
import com.frontline.alerts.Alerts;
import com.frontline.assistants.AssistantVersions;
import com.frontline.audit.AuditLog;
import com.frontline.shared.Actor;
import com.frontline.shared.TenantId;
import com.frontline.tenants.TenantService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every change of an experiment's status, step or split, for the buttons and the guard alike. The caller holds the
 * experiment's row lock ({@link ExperimentRepository#lock}), so a rollback and an advance never interleave; each
 * change bumps the lock version, writes a deployment event with its numbers and an audit entry, and evicts this
 * node's cached split when it commits.
 */
@Component
class ExperimentChanges {

    private static final Logger log = LoggerFactory.getLogger(ExperimentChanges.class);

    private final ExperimentRepository repository;
    private final ActiveExperiments cache;
    private final AssistantVersions versions;
    private final AuditLog audit;
    private final Alerts alerts;
    private final TenantService tenants;
    private final ApplicationEventPublisher events;

    ExperimentChanges(ExperimentRepository repository, ActiveExperiments cache, AssistantVersions versions,
                      AuditLog audit, Alerts alerts, TenantService tenants, ApplicationEventPublisher events) {
        this.repository = repository;
        this.cache = cache;
        this.versions = versions;
        this.audit = audit;
        this.alerts = alerts;
        this.tenants = tenants;
        this.events = events;
    }

    /**
     * Traffic is split from now on: a rollout at its first step (its gate passed, or an admin overrode the block).
     *
     * @param by null: the gate
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Experiment start(TenantId tenant, StoredExperiment s, @Nullable Actor by, String action, String reason,
                     @Nullable GateResult gate, @Nullable String overrideReason, Instant now) {
        Experiment e = s.experiment();
        List<ExperimentArm> arms = e.rollout() ? rolloutArms(e, e.plan().getFirst().candidateBasisPoints())
                : e.arms();
        Experiment next = new Experiment(e.id(), e.number(), e.name(), e.kind(), ExperimentStatus.RUNNING,
                e.baselineVersion(), arms, e.plan(), e.rollout() ? 0 : -1, e.guard(), gate == null ? e.gate() : gate,
                overrideReason == null ? e.overrideReason() : overrideReason, e.createdBy(), e.createdAt(), now, now,
                null, e.lockVersion());
        String what = by == null ? "started it at " + percentOfCandidate(next) : "overrode the gate";
        Experiment saved = save(tenant, s, next, Map.of(), action, by, what, reason, Map.of(), now);
        if (by != null) {
            audit.record(tenant, by, "rollouts.overridden", label(e), Map.of("status", e.status().label()),
                    Map.of("status", saved.status().label(), "reason", reason));
        }
        return saved;
    }

    /** A rollout's gate scored the candidate below the live version: it waits for an override. */
    @Transactional(propagation = Propagation.MANDATORY)
    Experiment block(TenantId tenant, StoredExperiment s, GateResult gate, Instant now) {
        Experiment e = s.experiment();
        Experiment next = new Experiment(e.id(), e.number(), e.name(), e.kind(), ExperimentStatus.BLOCKED,
                e.baselineVersion(), e.arms(), e.plan(), e.step(), e.guard(), gate, e.overrideReason(),
                e.createdBy(), e.createdAt(), e.startedAt(), e.stepStartedAt(), null, e.lockVersion());
        return save(tenant, s, next, s.guardState(), "gate_blocked", null, "blocked it at the offline gate",
                gate.summary(), Map.of(), now);
    }

    /**
     * The rollout's next step now; reaching its last step (100 %) completes it: the candidate becomes the live
     * version.
     *
     * @param by null: the guard (the plan advances by itself)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Experiment advance(TenantId tenant, StoredExperiment s, @Nullable Actor by, String reason,
                       Map<String, Object> numbers, Instant now) {
        Experiment e = s.experiment();
        int step = e.step() + 1;
        boolean last = step == e.plan().size() - 1;
        List<ExperimentArm> arms = rolloutArms(e, e.plan().get(step).candidateBasisPoints());
        Experiment next = new Experiment(e.id(), e.number(), e.name(), e.kind(),
                last ? ExperimentStatus.COMPLETED : ExperimentStatus.RUNNING, e.baselineVersion(), arms, e.plan(),
                step, e.guard(), e.gate(), e.overrideReason(), e.createdBy(), e.createdAt(), e.startedAt(), now,
                last ? now : null, e.lockVersion());
        Actor actor = by == null ? GUARD : by;
        if (last) {
            int candidate = e.candidate().orElseThrow().version();
            versions.makeLive(tenant, candidate, actor, "Rollout " + e.number() + " (" + e.name() + ") completed"
                    + (by == null ? " by the guard" : "") + ": " + reason);
            Experiment saved = save(tenant, s, next, Map.of(), "completed", by, "completed it", reason, numbers, now);
            audit.record(tenant, actor, "rollouts.completed", label(e), Map.of("split", words(e)),
                    after(Map.of("split", words(saved), "reason", reason), by));
            return saved;
        }
        Experiment saved = save(tenant, s, next, Map.of(), "advanced", by,
                "advanced it to " + percentOfCandidate(next), reason, numbers, now);
        audit.record(tenant, actor, "rollouts.advanced", label(e), Map.of("split", words(e)),
                after(Map.of("split", words(saved), "reason", reason), by));
        return saved;
    }

    /**
     * All traffic back to the baseline at once. A rollback also raises a quality-drop alert (in the app,
     * by e-mail and to the webhook, as the workspace's alert settings say), whoever rolled it back.
     *
     * @param by null: the guard
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Experiment rollBack(TenantId tenant, StoredExperiment s, @Nullable Actor by, String reason,
                        Map<String, Object> numbers, Instant now) {
        Experiment e = s.experiment();
        Experiment next = ended(e, ExperimentStatus.ROLLED_BACK, now);
        Experiment saved = save(tenant, s, next, s.guardState(), "rolled_back", by, "rolled it back", reason,
                numbers, now);
        Actor actor = by == null ? GUARD : by;
        audit.record(tenant, actor, "rollouts.rolled_back", label(e), Map.of("split", words(e)),
                after(Map.of("split", words(saved), "reason", reason), by));
        // a person's rollback is news to the rest of the team as much as the guard's
        String slug = tenants.workspace(tenant).slug();
        alerts.raise(tenant, AlertKind.QUALITY_DROP, "experiment:" + e.number(),
                label(e) + " rolled back by " + (by == null ? "the guard" : by.email()),
                (by == null ? reason : "Reason given: " + reason) + " All traffic is back on v"
                        + e.baselineVersion() + ".", numbers, "/w/" + slug + "/rollouts");
        log.info("Workspace {}: {} rolled back by {}: {}", tenant, label(e), by == null ? "the guard" : by.email(),
                reason);
        return saved;
    }

    /** Ends the experiment by hand: all traffic to the baseline. */
    @Transactional(propagation = Propagation.MANDATORY)
    Experiment stop(TenantId tenant, StoredExperiment s, Actor by, String reason, Instant now) {
        Experiment e = s.experiment();
        Experiment saved = save(tenant, s, ended(e, ExperimentStatus.STOPPED, now), s.guardState(), "stopped", by,
                "stopped it", reason, Map.of(), now);
        audit.record(tenant, by, "rollouts.stopped", label(e), Map.of("status", e.status().label(), "split",
                words(e)), Map.of("status", saved.status().label(), "split", words(saved)));
        return saved;
    }

    /** A new experiment's first event. */
    void created(TenantId tenant, Experiment e, String fromSplit, Actor by, Instant now) {
        repository.insertEvent(tenant, e.id(), new DeploymentEvent(now, by.email(), "created", fromSplit, words(e),
                e.rollout() ? "Rollout of v" + e.candidate().orElseThrow().version() + " against v"
                        + e.baselineVersion() + " created; the offline gate runs first."
                        : "A/B experiment created: " + words(e) + ".", Map.of()));
        cache.evict(tenant);
        events.publishEvent(new RolloutEvents.ExperimentChanged(tenant, e.id(), e.status(), "created"));
    }

    private Experiment save(TenantId tenant, StoredExperiment s, Experiment next, Map<String, GuardState> state,
                            String action, @Nullable Actor by, String what, String reason,
                            Map<String, Object> numbers, Instant now) {
        Experiment before = s.experiment();
        if (!repository.save(tenant, next, state, new ExperimentRepository.ChangeNote(what,
                by == null ? null : by.email(), now))) {
            throw new IllegalStateException("Experiment " + before.id() + " changed while its row was locked");
        }
        repository.insertEvent(tenant, before.id(), new DeploymentEvent(now, by == null ? null : by.email(), action,
                words(before), words(next), reason, numbers));
        cache.evict(tenant);
        events.publishEvent(new RolloutEvents.ExperimentChanged(tenant, before.id(), next.status(), action));
        return repository.find(tenant, before.id()).orElseThrow().experiment();
    }

    /** All traffic on the baseline, the end time set. */
    private static Experiment ended(Experiment e, ExperimentStatus status, Instant now) {
        List<ExperimentArm> arms = new ArrayList<>();
        for (ExperimentArm a : e.arms()) {
            arms.add(new ExperimentArm(a.name(), a.version(), a.baseline() ? Split.TOTAL : 0));
        }
        return new Experiment(e.id(), e.number(), e.name(), e.kind(), status, e.baselineVersion(), arms, e.plan(),
                e.step(), e.guard(), e.gate(), e.overrideReason(), e.createdBy(), e.createdAt(), e.startedAt(),
                e.stepStartedAt(), now, e.lockVersion());
    }

    /** A rollout's arms with the candidate on the given share. */
    private static List<ExperimentArm> rolloutArms(Experiment e, int candidateBasisPoints) {
        List<ExperimentArm> arms = new ArrayList<>();
        for (ExperimentArm a : e.arms()) {
            arms.add(new ExperimentArm(a.name(), a.version(),
                    a.baseline() ? Split.TOTAL - candidateBasisPoints : candidateBasisPoints));
        }
        return arms;
    }

    /** The guard and the gate act by themselves: the audit log names them, not whoever created the experiment. */
    static final Actor GUARD = Actor.automatic("Rollout guard (automatic)");

    static String words(Experiment e) {
        return StoredExperiment.words(e.arms());
    }

    /** "Rollout 3", "Experiment 2". */
    static String label(Experiment e) {
        return (e.rollout() ? "Rollout " : "Experiment ") + e.number();
    }

    private static String percentOfCandidate(Experiment e) {
        return e.candidate().map(ExperimentArm::percent).orElse(words(e));
    }

    private static Map<String, Object> after(Map<String, Object> values, @Nullable Actor by) {
        Map<String, Object> after = new LinkedHashMap<>(values);
        if (by == null) {
            after.put("by", "the guard, automatically");
        }
        return after;
    }
}
