package com.frontline.rollouts;

import com.frontline.assistants.AssistantVersion;
import com.frontline.assistants.AssistantVersions;
import com.frontline.audit.AuditLog;
import com.frontline.chat.VersionAnswerStats;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.ForbiddenException;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.Role;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A workspace's experiments and rollouts: creating them (a rollout's offline gate first), the buttons (override,
 * advance, roll back, stop), and what the dashboard shows (metrics per arm, the hourly series, the decision so far,
 * the deployment history). The guard job ({@link RolloutGuard}) moves running experiments on by itself; the buttons
 * take the same row lock, so a rollback and an advance happen one after the other, and an action from a page that
 * shows an older state (a stale lock version) is refused with what changed.
 */
@Service
public class Rollouts {

    private static final Logger log = LoggerFactory.getLogger(Rollouts.class);

    /** Experiments {@link #list} returns at most. */
    public static final int LIST_LIMIT = 50;
    /** Deployment events {@link #history} returns at most. */
    public static final int HISTORY_LIMIT = 200;
    public static final int MAX_REASON = 500;
    /** The traffic a rehearsal is modelled on: the workspace's last week. */
    static final Duration REHEARSAL_TRAFFIC = Duration.ofDays(7);
    /** Fewer rated answers than this in that week give no rehearsal. */
    static final int REHEARSAL_MIN_RATED = 20;

    private final ExperimentRepository repository;
    private final ExperimentChanges changes;
    private final ExperimentMetrics metrics;
    private final RolloutGuard guard;
    private final AssistantVersions versions;
    private final VersionAnswerStats answers;
    private final AuditLog audit;
    private final RolloutClock clock;
    private final Duration window;

    Rollouts(ExperimentRepository repository, ExperimentChanges changes, ExperimentMetrics metrics,
             RolloutGuard guard, AssistantVersions versions, VersionAnswerStats answers, AuditLog audit,
             RolloutClock clock, RolloutsProperties properties) {
        this.repository = repository;
        this.changes = changes;
        this.metrics = metrics;
        this.guard = guard;
        this.versions = versions;
        this.answers = answers;
        this.audit = audit;
        this.clock = clock;
        this.window = properties.guardWindow();
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /** Newest first, at most {@value #LIST_LIMIT}. */
    @Transactional(readOnly = true)
    public List<Experiment> list(TenantId tenant) {
        return repository.list(tenant, LIST_LIMIT).stream().map(StoredExperiment::experiment).toList();
    }

    /** The one GATING, BLOCKED or RUNNING experiment (it holds the workspace's traffic), if any. */
    @Transactional(readOnly = true)
    public Optional<Experiment> running(TenantId tenant) {
        return repository.active(tenant).map(StoredExperiment::experiment);
    }

    /** @throws NotFoundException no such experiment in the workspace (another workspace's included) */
    @Transactional(readOnly = true)
    public Experiment get(TenantId tenant, UUID id) {
        return stored(tenant, id).experiment();
    }

    /** The guard window of new experiments ({@code frontline.rollouts.guard-window}). */
    public Duration guardWindow() {
        return window;
    }

    /**
     * Each arm's metrics over the guard window in force, then since the start: {@code 2 × arms} entries, the first
     * {@code arms().size()} over the window, the rest since the start, each half in the experiment's arm order
     * (baseline first). After the experiment ended, both spans end when it ended.
     */
    @Transactional(readOnly = true)
    public List<ArmMetrics> metrics(TenantId tenant, UUID id) {
        return metrics.metrics(tenant, get(tenant, id), clock.instant());
    }

    /** Each arm's helpful rate per hour (per day for experiments longer than three days), with Wilson intervals. */
    @Transactional(readOnly = true)
    public List<SeriesPoint> series(TenantId tenant, UUID id) {
        return metrics.series(tenant, get(tenant, id), clock.instant());
    }

    /** The decision so far, in words, with its numbers (what the guard would decide if it looked now). */
    @Transactional(readOnly = true)
    public Decision decision(TenantId tenant, UUID id) {
        StoredExperiment s = stored(tenant, id);
        Experiment e = s.experiment();
        GateResult gate = e.gate();
        return switch (e.status()) {
            case GATING -> new Decision(Decision.HOLD, "The offline gate is running: the evaluation set is asked of "
                    + "the candidate and of the live version; all traffic stays on v" + e.baselineVersion()
                    + " meanwhile.", gateNumbers(gate));
            case BLOCKED -> new Decision(Decision.HOLD, (gate == null ? "" : gate.summary() + " ")
                    + "All traffic stays on v" + e.baselineVersion() + ".", gateNumbers(gate));
            case RUNNING -> running(tenant, s);
            case COMPLETED -> new Decision(Decision.COMPLETE, "Completed: v" + e.candidate().map(
                    ExperimentArm::version).orElse(e.baselineVersion()) + " is the live version and serves all "
                    + "traffic.", Map.of());
            case ROLLED_BACK -> {
                DeploymentEvent last = lastEvent(tenant, e, "rolled_back");
                yield new Decision(Decision.ROLL_BACK, "Rolled back by " + (last == null || last.actor() == null
                        ? "the guard" : last.actor()) + (last == null ? "." : ": " + last.reason())
                        + " All traffic is on v" + e.baselineVersion() + ".",
                        last == null ? Map.of() : last.numbers());
            }
            case STOPPED -> {
                DeploymentEvent last = lastEvent(tenant, e, "stopped");
                yield new Decision(Decision.HOLD, "Stopped by " + (s.lastChangeBy() == null ? "the guard"
                        : s.lastChangeBy()) + (last == null || last.reason().equals("Stopped by hand.") ? ""
                        : ": " + last.reason()) + (last != null && last.reason().contains(" was made live ") ? ""
                        : " All traffic is on v" + e.baselineVersion() + "."), Map.of());
            }
        };
    }

    /** Who or what changed the split of the workspace's experiments, and when, newest first. */
    @Transactional(readOnly = true)
    public List<DeploymentEvent> history(TenantId tenant, int limit) {
        return repository.events(tenant, Math.clamp(limit, 1, HISTORY_LIMIT));
    }

    @Transactional(readOnly = true)
    public @Nullable DeploymentEvent lastRollback(TenantId tenant) {
        return repository.lastRollback(tenant).orElse(null);
    }

    /** "v3 100 %" without a running experiment, or the running one's split: "v3 90 % · v4 10 %". */
    @Transactional
    public String splitInForce(TenantId tenant) {
        return repository.running(tenant).map(s -> ExperimentChanges.words(s.experiment()))
                .orElseGet(() -> "v" + versions.liveVersion(tenant) + " 100 %");
    }

    /**
     * With the workspace's own traffic of the last week (how many visitors, how many answers each, how many of them
     * rated, how many 👍), about how many visitors the guard needs to catch a candidate worse by the form's rollback
     * threshold (5 %) at the form's first step (or the A/B split): the median of seeded rehearsals of the real guard
     * ({@link Rehearsal}). Empty when the workspace has too few rated answers to model, or when the drop cannot be
     * caught: a guard window holds fewer rated answers per arm than the minimum sample, or fewer than a one-sided
     * z-test would need to see the drop half the time (checked first, as simulating that out would take long), or the
     * rehearsals do not catch it within {@value Rehearsal#CAP} visitors.
     */
    @Transactional(readOnly = true)
    public OptionalInt rehearse(TenantId tenant, ExperimentForm form) {
        Instant now = clock.instant();
        VersionAnswerStats.Traffic t = answers.traffic(tenant, now.minus(REHEARSAL_TRAFFIC).atOffset(ZoneOffset.UTC),
                now.atOffset(ZoneOffset.UTC));
        if (t.rated() < REHEARSAL_MIN_RATED || t.helpful() == 0 || t.conversations() == 0) {
            return OptionalInt.empty();
        }
        double drop = Math.clamp(orDefault(form.relativeDropPercent(), 5) / 100, 0.001, 0.5);
        double alpha = Math.clamp(orDefault(form.alpha(), 0.05), 0.001, 0.2);
        long minSample = Math.clamp((long) orDefault(form.minSample(), 100), 10, ExperimentForms.MAX_SAMPLE);
        int split = rehearsalSplit(form);
        double perMinute = (double) t.conversations() / REHEARSAL_TRAFFIC.toMinutes();
        double answersPerVisitor = Math.clamp((double) t.answers() / t.conversations(), 1, 10);
        double ratingRate = Math.clamp((double) t.rated() / t.answers(), 0.001, 1);
        double helpful = Math.min(1, (double) t.helpful() / t.rated());
        // rated answers the smaller arm collects in one guard window
        double share = Math.min(split, Split.TOTAL - split) / (double) Split.TOTAL;
        double perWindow = perMinute * window.toMinutes() * share * answersPerVisitor * ratingRate;
        double delta = helpful * drop;
        double z = com.frontline.rollouts.stats.Normal.quantile(1 - alpha / 2);
        double needed = z * z * 2 * helpful * (1 - helpful) / (delta * delta);
        if (perWindow < minSample || perWindow < needed) {
            return OptionalInt.empty();
        }
        try {
            GuardConfig d = GuardConfig.DEFAULTS;
            GuardConfig config = new GuardConfig(d.metric(), drop, alpha, minSample, d.mixingSd(), d.errorFloor(),
                    d.errorMinCalls(), window);
            Rehearsal.Estimate estimate = Rehearsal.visitorsToCatch(split, helpful, drop,
                    new Rehearsal.Traffic((int) Math.clamp(Math.round(perMinute), 1, 1000), ratingRate,
                            answersPerVisitor), config, 42);
            return estimate.visitors() == null ? OptionalInt.empty()
                    : OptionalInt.of((int) Rehearsal.roughly(estimate.visitors()));
        } catch (InvalidPlanException | IllegalArgumentException e) {
            return OptionalInt.empty();
        }
    }

    // ---- changing ------------------------------------------------------------------------------------------------

    /**
     * Creates an experiment. A rollout starts GATING (its offline gate runs in the background; all traffic stays on
     * the live version meanwhile); an A/B experiment splits the traffic at once. Audited.
     *
     * @throws InvalidInputException      field keys name, candidateVersion, arms, steps, minDuration, minSample,
     *                                    relativeDrop, alpha
     * @throws RolloutConflictException another experiment holds the workspace's traffic
     */
    @Transactional
    public Experiment create(CurrentTenant admin, ExperimentForm form) {
        require(admin);
        TenantId tenant = admin.id();
        int live = versions.liveVersion(tenant);
        Set<Integer> numbers = versions.list(tenant).stream().map(AssistantVersion::number)
                .collect(Collectors.toSet());
        ExperimentForms.Checked checked = ExperimentForms.check(form, live, numbers, window);
        repository.active(tenant).ifPresent(other -> {
            throw twoOnTheSameTraffic(other.experiment());
        });
        Instant now = clock.instant();
        boolean rollout = checked.kind() == ExperimentKind.ROLLOUT;
        UUID id = UUID.randomUUID();
        String before = splitInForce(tenant);
        try {
            repository.insert(tenant, repository.nextNumber(tenant), new ExperimentRepository.NewExperiment(id,
                    checked.name(), checked.kind(), rollout ? ExperimentStatus.GATING : ExperimentStatus.RUNNING,
                    checked.baselineVersion(), checked.bucketOrder(), checked.plan(), rollout ? 0 : -1,
                    checked.guard(), admin.userEmail(), admin.userId(), now, rollout ? null : now));
        } catch (DuplicateKeyException e) { // created at the same moment by someone else
            throw new RolloutConflictException("Another experiment was started on this workspace's traffic a "
                    + "moment ago; two experiments cannot share it. Reload to see it.");
        }
        Experiment created = repository.find(tenant, id).orElseThrow().experiment();
        changes.created(tenant, created, before, admin.actor(), now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", created.kind().name());
        after.put("split", ExperimentChanges.words(created));
        if (rollout) {
            after.put("candidate", "v" + created.candidate().orElseThrow().version());
            after.put("steps", created.plan().stream().map(PlanStep::percent).collect(Collectors.joining(" → ")));
        }
        audit.record(tenant, admin.actor(), "rollouts.created", ExperimentChanges.label(created) + ": "
                + created.name(), null, after);
        log.info("Workspace {}: {} created {} ({})", tenant, admin.userId(), ExperimentChanges.label(created),
                created.kind());
        return created;
    }

    /**
     * Lets a rollout its offline gate blocked run anyway: BLOCKED → RUNNING at its first step. Audited.
     *
     * @throws InvalidInputException      field {@code reason}: missing or too long
     * @throws RolloutConflictException the page was stale, or the rollout is not blocked
     */
    @Transactional
    public Experiment override(CurrentTenant admin, UUID id, String reason, long lockVersion) {
        require(admin);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw InvalidInputException.of("reason", "Say why the rollout should run although the candidate scored "
                    + "below the live version offline.");
        }
        checkLength(why);
        StoredExperiment s = locked(admin.id(), id, lockVersion);
        if (s.status() != ExperimentStatus.BLOCKED) {
            throw new RolloutConflictException("Only a rollout its offline gate blocked can be overridden; this one is "
                    + s.status().label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return changes.start(admin.id(), s, admin.actor(), "overridden", "Offline gate overridden: " + why,
                null, why, clock.instant());
    }

    /**
     * The button: a RUNNING rollout's next step now, whatever its minimums (the guard's words at the time go into
     * the history); the last step completes it and makes the candidate live.
     *
     * @throws RolloutConflictException the page was stale, the experiment is not a running rollout
     */
    @Transactional
    public Experiment advance(CurrentTenant admin, UUID id, long lockVersion) {
        require(admin);
        StoredExperiment s = locked(admin.id(), id, lockVersion);
        Experiment e = s.experiment();
        if (!e.rollout()) {
            throw new RolloutConflictException("An A/B experiment has no steps to advance; stop it when you have "
                    + "seen enough.");
        }
        requireRunning(s, "advanced");
        Instant now = clock.instant();
        RolloutGuard.Look look = guard.evaluate(admin.id(), s, now);
        String next = e.plan().get(e.step() + 1).percent();
        String reason = "Advanced to " + next + " by hand. " + (look.step() == null ? look.verdict().words()
                : look.step().words());
        return changes.advance(admin.id(), s, admin.actor(), reason, look.numbers(), now);
    }

    /**
     * All traffic back to the baseline now. Audited; the history keeps the reason.
     *
     * @param reason why, up to {@value #MAX_REASON} characters: the deployment history keeps it (the guard gives
     *               its numbers; a person gives a reason)
     * @throws RolloutConflictException the page was stale (the guard may have rolled it back already), or it is not
     *                                  running
     * @throws InvalidInputException    field {@code reason}: missing or too long
     */
    @Transactional
    public Experiment rollback(CurrentTenant admin, UUID id, String reason, long lockVersion) {
        require(admin);
        String why = reason == null ? "" : reason.strip();
        checkLength(why);
        StoredExperiment s = locked(admin.id(), id, lockVersion);
        requireRunning(s, "rolled back");
        if (why.isEmpty()) {
            throw InvalidInputException.of("reason", "Say why you roll back (for example what customers reported); "
                    + "the deployment history keeps it.");
        }
        Instant now = clock.instant();
        Map<String, Object> numbers = guard.evaluate(admin.id(), s, now).numbers();
        return changes.rollBack(admin.id(), s, admin.actor(), why, numbers,
                now);
    }

    /**
     * Ends an experiment that holds the traffic (GATING, BLOCKED or RUNNING): all traffic to the baseline. Audited.
     *
     * @throws RolloutConflictException the page was stale, or it has ended already
     */
    @Transactional
    public Experiment stop(CurrentTenant admin, UUID id, long lockVersion) {
        require(admin);
        StoredExperiment s = locked(admin.id(), id, lockVersion);
        if (!s.status().active()) {
            throw new RolloutConflictException(ended(s));
        }
        return changes.stop(admin.id(), s, admin.actor(), "Stopped by hand.", clock.instant());
    }

    /**
     * Another version went live outside this experiment (the Versions page): the active experiment, compared with a
     * baseline that is no longer live, stops, so that the new live version serves every visitor. Nothing happens when
     * the change was the experiment's own completion, or the baseline is live again.
     */
    @Transactional
    void liveVersionChanged(TenantId tenant, int live, Actor by, String reason) {
        Optional<StoredExperiment> active = repository.active(tenant);
        if (active.isEmpty() || active.get().experiment().baselineVersion() == live) {
            return;
        }
        StoredExperiment s = repository.lock(tenant, active.get().id()).orElseThrow();
        if (!s.status().active() || s.experiment().baselineVersion() == live) {
            return;
        }
        changes.stop(tenant, s, by, "v" + live + " was made live (" + reason + "), so the "
                + (s.experiment().rollout() ? "rollout" : "experiment") + " against v"
                + s.experiment().baselineVersion() + " stopped and v" + live + " serves every visitor.",
                clock.instant());
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private Decision running(TenantId tenant, StoredExperiment s) {
        Experiment e = s.experiment();
        RolloutGuard.Look look = guard.evaluate(tenant, s, clock.instant());
        GuardVerdict v = look.verdict();
        Map<String, Object> numbers = look.numbers();
        if (v.rollBack()) {
            return new Decision(Decision.ROLL_BACK, v.words() + " The guard returns all traffic to v"
                    + e.baselineVersion() + " at its next look.", numbers);
        }
        StepDecision step = look.step();
        if (step == null) {
            String words = v.words() + (v.concern() == null ? "" : " Note: " + v.concern() + ".");
            return new Decision(v.status() == GuardVerdict.Status.HOLD ? Decision.HOLD : Decision.OK, words, numbers);
        }
        return switch (step.action()) {
            case ADVANCE -> new Decision(Decision.ADVANCE, step.words() + " The guard advances it at its next look.",
                    numbers);
            case AWAIT_APPROVAL -> new Decision(Decision.ADVANCE, step.words() + " Press Advance to go on.",
                    numbers);
            case COMPLETE -> new Decision(Decision.COMPLETE, step.words(), numbers);
            case ROLL_BACK -> new Decision(Decision.ROLL_BACK, step.words(), numbers);
            case WAIT -> new Decision(v.status() == GuardVerdict.Status.HOLD ? Decision.HOLD : Decision.OK,
                    step.words(), numbers);
        };
    }

    private @Nullable DeploymentEvent lastEvent(TenantId tenant, Experiment e, String action) {
        return repository.events(tenant, e.id()).stream().filter(ev -> ev.action().equals(action))
                .reduce((a, b) -> b).orElse(null);
    }

    private StoredExperiment stored(TenantId tenant, UUID id) {
        return repository.find(tenant, id).orElseThrow(() -> NotFoundException.of("Experiment", id));
    }

    /** The experiment under its row lock, if the page's lock version is the stored one. */
    private StoredExperiment locked(TenantId tenant, UUID id, long lockVersion) {
        StoredExperiment s = repository.lock(tenant, id).orElseThrow(() -> NotFoundException.of("Experiment", id));
        if (s.experiment().lockVersion() != lockVersion) {
            throw changedMeanwhile(s, clock.instant());
        }
        return s;
    }

    private static void requireRunning(StoredExperiment s, String what) {
        if (s.status() == ExperimentStatus.RUNNING) {
            return;
        }
        if (!s.status().active()) {
            throw new RolloutConflictException(ended(s));
        }
        throw new RolloutConflictException("No traffic is on the candidate yet (the "
                + (s.experiment().rollout() ? "rollout" : "experiment") + " is "
                + s.status().label().toLowerCase(java.util.Locale.ROOT) + "), so it cannot be " + what
                + "; stop it instead.");
    }

    private static String ended(StoredExperiment s) {
        return "This " + (s.experiment().rollout() ? "rollout" : "experiment") + " has ended already ("
                + s.status().label().toLowerCase(java.util.Locale.ROOT) + ").";
    }

    /** "The rollout changed meanwhile (the guard rolled it back 1 minute ago); reload." */
    static RolloutConflictException changedMeanwhile(StoredExperiment s, Instant now) {
        String who = s.lastChangeBy() != null ? s.lastChangeBy()
                : s.lastChange().contains("gate") || s.lastChange().startsWith("started") ? "the offline gate"
                : "the guard";
        return new RolloutConflictException("The " + (s.experiment().rollout() ? "rollout" : "experiment")
                + " changed meanwhile (" + who + " " + s.lastChange() + " " + ago(Duration.between(s.changedAt(), now))
                + " ago); reload.");
    }

    /** "less than a minute", "1 minute", "4 minutes", "2 hours", "3 days". */
    static String ago(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 1) {
            return "less than a minute";
        }
        if (minutes < 60) {
            return minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        return hours / 24 + " days";
    }

    private static RolloutConflictException twoOnTheSameTraffic(Experiment other) {
        return new RolloutConflictException(ExperimentChanges.label(other) + " (“" + other.name() + "”) is "
                + other.status().label().toLowerCase(java.util.Locale.ROOT) + " on this workspace's traffic; two "
                + "experiments cannot share it. Stop it, or wait until it ends.");
    }

    private static Map<String, Object> gateNumbers(@Nullable GateResult gate) {
        Map<String, Object> n = new LinkedHashMap<>();
        if (gate != null && gate.candidateScore() != null) {
            n.put("candidate score", gate.candidateScore());
        }
        if (gate != null && gate.baselineScore() != null) {
            n.put("live score", gate.baselineScore());
        }
        return n;
    }

    /** The candidate's share the rehearsal uses: a rollout's first step, or an A/B experiment's first other arm. */
    private static int rehearsalSplit(ExperimentForm form) {
        if (form.kind() == ExperimentKind.ROLLOUT) {
            String first = form.stepPercents().stream().filter(s -> s != null && !s.isBlank()).findFirst()
                    .orElse(ExperimentForms.DEFAULT_STEPS.getFirst());
            BigDecimal p = ExperimentForms.percent(first);
            int bp = p == null ? 1000 : p.movePointRight(2).intValue();
            return bp <= 0 || bp >= Split.TOTAL ? 1000 : bp;
        }
        int bp = form.arms().size() < 2 ? 5000 : Optional.ofNullable(ExperimentForms.percent(
                form.arms().get(1).percent())).map(p -> p.movePointRight(2).intValue()).orElse(5000);
        return bp <= 0 || bp >= Split.TOTAL ? 5000 : bp;
    }

    private static double orDefault(@Nullable String raw, double fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(raw.strip().replace("%", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void checkLength(String reason) {
        if (reason.length() > MAX_REASON) {
            throw InvalidInputException.of("reason", "Keep the reason to " + MAX_REASON + " characters (this one has "
                    + String.format("%,d", reason.length()) + ").");
        }
    }

    private static void require(CurrentTenant tenant) {
        if (!tenant.can(Role.ADMIN)) {
            throw new ForbiddenException(Role.ADMIN);
        }
    }
}
