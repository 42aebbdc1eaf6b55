package com.frontline.rollouts;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.frontline.db.rollouts.Tables.ARMS;
import static com.frontline.db.rollouts.Tables.DEPLOYMENT_EVENTS;
import static com.frontline.db.rollouts.Tables.EXPERIMENTS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.val;

/** A workspace's experiments, their arms and the deployment history; every query scoped to one workspace. */
@Repository
class ExperimentRepository {

    /** An active experiment of some workspace, for the guard job (its one read across workspaces). */
    record ActiveRef(TenantId tenant, UUID id, ExperimentStatus status) {
    }

    /** A new experiment as created. */
    record NewExperiment(UUID id, String name, ExperimentKind kind, ExperimentStatus status, int baselineVersion,
                         List<ExperimentArm> bucketOrder, List<PlanStep> plan, int step, GuardSettings guard,
                         String createdBy, UUID createdById, Instant at, @Nullable Instant startedAt) {
    }

    /** How a change is described for a later conflict message, and when it happened. */
    record ChangeNote(String what, @Nullable String by, Instant at) {
    }

    private record StepJson(int basisPoints, long minDurationSeconds, int minSample) {
    }

    private record StateJson(String windowFrom, double metricP, double errorP) {
    }

    private static final TypeReference<List<StepJson>> PLAN = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, StateJson>> STATE = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> NUMBERS = new TypeReference<>() {
    };

    private final DSLContext dsl;
    private final JsonMapper json;

    ExperimentRepository(DSLContext dsl, JsonMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    // ---- experiments ---------------------------------------------------------------------------------------------

    int nextNumber(TenantId tenant) {
        return dsl.select(coalesce(max(EXPERIMENTS.NUMBER), val(0)))
                .from(EXPERIMENTS)
                .where(EXPERIMENTS.TENANT_ID.eq(tenant.value()))
                .fetchSingle().value1() + 1;
    }

    /** Inserts the experiment and its arms; a second active experiment fails on the one-active index. */
    void insert(TenantId tenant, int number, NewExperiment e) {
        GuardSettings g = e.guard();
        // @formatter:off
        dsl.insertInto(EXPERIMENTS)
                .set(EXPERIMENTS.TENANT_ID, tenant.value())
                .set(EXPERIMENTS.ID, e.id())
                .set(EXPERIMENTS.NUMBER, number)
                .set(EXPERIMENTS.NAME, e.name())
                .set(EXPERIMENTS.KIND, e.kind().name())
                .set(EXPERIMENTS.STATUS, e.status().name())
                .set(EXPERIMENTS.BASELINE_VERSION, e.baselineVersion())
                .set(EXPERIMENTS.PLAN, plan(e.plan()))
                .set(EXPERIMENTS.STEP, e.step())
                .set(EXPERIMENTS.GUARD_METRIC, g.metric())
                .set(EXPERIMENTS.RELATIVE_DROP, g.relativeDrop())
                .set(EXPERIMENTS.ALPHA, g.alpha())
                .set(EXPERIMENTS.GUARD_WINDOW_SECONDS, (int) g.window().toSeconds())
                .set(EXPERIMENTS.MIN_SAMPLE, g.minSample())
                .set(EXPERIMENTS.AUTO_ADVANCE, g.autoAdvance())
                .set(EXPERIMENTS.CREATED_BY, e.createdBy())
                .set(EXPERIMENTS.CREATED_BY_ID, e.createdById())
                .set(EXPERIMENTS.CREATED_AT, utc(e.at()))
                .set(EXPERIMENTS.STARTED_AT, utc(e.startedAt()))
                .set(EXPERIMENTS.STEP_STARTED_AT, utc(e.startedAt()))
                .set(EXPERIMENTS.LAST_CHANGE, "created it")
                .set(EXPERIMENTS.LAST_CHANGE_BY, e.createdBy())
                .set(EXPERIMENTS.CHANGED_AT, utc(e.at()))
                .execute();
        // @formatter:on
        var insert = dsl.insertInto(ARMS, ARMS.TENANT_ID, ARMS.EXPERIMENT_ID, ARMS.NAME, ARMS.ORDINAL, ARMS.VERSION,
                ARMS.BASIS_POINTS);
        int ordinal = 0;
        for (ExperimentArm a : e.bucketOrder()) {
            insert = insert.values(tenant.value(), e.id(), a.name(), ordinal++, a.version(), a.basisPoints());
        }
        insert.execute();
    }

    Optional<StoredExperiment> find(TenantId tenant, UUID id) {
        // @formatter:off
        return dsl.selectFrom(EXPERIMENTS)
                .where(EXPERIMENTS.TENANT_ID.eq(tenant.value()), EXPERIMENTS.ID.eq(id))
                .fetchOptional()
                .map(r -> toStored(r, arms(tenant, List.of(id)).getOrDefault(id, List.of())));
        // @formatter:on
    }

    /** The experiment, its row locked until the transaction ends: every change of status, step or split takes it. */
    Optional<StoredExperiment> lock(TenantId tenant, UUID id) {
        // @formatter:off
        boolean exists = dsl.select(EXPERIMENTS.ID)
                .from(EXPERIMENTS)
                .where(EXPERIMENTS.TENANT_ID.eq(tenant.value()), EXPERIMENTS.ID.eq(id))
                .forUpdate()
                .fetchOptional()
                .isPresent();
        // @formatter:on
        return exists ? find(tenant, id) : Optional.empty();
    }

    /** Newest first. */
    List<StoredExperiment> list(TenantId tenant, int limit) {
        // @formatter:off
        var rows = dsl.selectFrom(EXPERIMENTS)
                .where(EXPERIMENTS.TENANT_ID.eq(tenant.value()))
                .orderBy(EXPERIMENTS.NUMBER.desc())
                .limit(limit)
                .fetch();
        // @formatter:on
        Map<UUID, List<ExperimentArm>> arms = arms(tenant, rows.map(r -> r.get(EXPERIMENTS.ID)));
        return rows.map(r -> toStored(r, arms.getOrDefault(r.get(EXPERIMENTS.ID), List.of())));
    }

    /** The experiment holding the workspace's traffic (GATING, BLOCKED or RUNNING), if any. */
    Optional<StoredExperiment> active(TenantId tenant) {
        // @formatter:off
        return dsl.select(EXPERIMENTS.ID)
                .from(EXPERIMENTS)
                .where(EXPERIMENTS.TENANT_ID.eq(tenant.value()), EXPERIMENTS.STATUS.in(activeStatuses()))
                .fetchOptional(EXPERIMENTS.ID)
                .flatMap(id -> find(tenant, id));
        // @formatter:on
    }

    /** The workspace's RUNNING experiment's id and arms in bucket order, for the version selector. */
    Optional<StoredExperiment> running(TenantId tenant) {
        return active(tenant).filter(e -> e.status() == ExperimentStatus.RUNNING);
    }

    /** Every workspace's active experiment (the one-active index, read whole). */
    List<ActiveRef> activeEverywhere() {
        // @formatter:off
        return dsl.select(EXPERIMENTS.TENANT_ID, EXPERIMENTS.ID, EXPERIMENTS.STATUS)
                .from(EXPERIMENTS)
                .where(EXPERIMENTS.STATUS.in(activeStatuses()))
                .orderBy(EXPERIMENTS.TENANT_ID)
                .fetch(r -> new ActiveRef(TenantId.of(r.get(EXPERIMENTS.TENANT_ID)), r.get(EXPERIMENTS.ID),
                        ExperimentStatus.valueOf(r.get(EXPERIMENTS.STATUS))));
        // @formatter:on
    }

    /**
     * Writes the experiment's status, step, split, gate, override and times as {@code updated} has them, and the
     * guard's state, if the stored lock version is still {@code updated.lockVersion()}; then increments it.
     *
     * @return false when the lock version moved on (the caller holds the row lock, so only a bug gets here)
     */
    boolean save(TenantId tenant, Experiment updated, Map<String, GuardState> state, ChangeNote note) {
        GateResult gate = updated.gate();
        // @formatter:off
        int rows = dsl.update(EXPERIMENTS)
                .set(EXPERIMENTS.STATUS, updated.status().name())
                .set(EXPERIMENTS.STEP, updated.step())
                .set(EXPERIMENTS.GATE_CANDIDATE_RUN, gate == null ? null : gate.candidateRunId())
                .set(EXPERIMENTS.GATE_BASELINE_RUN, gate == null ? null : gate.baselineRunId())
                .set(EXPERIMENTS.GATE_CANDIDATE_SCORE, gate == null ? null : gate.candidateScore())
                .set(EXPERIMENTS.GATE_BASELINE_SCORE, gate == null ? null : gate.baselineScore())
                .set(EXPERIMENTS.GATE_PASSED, gate == null || gate.summary().isEmpty() ? null : gate.passed())
                .set(EXPERIMENTS.GATE_SUMMARY, gate == null || gate.summary().isEmpty() ? null : gate.summary())
                .set(EXPERIMENTS.OVERRIDE_REASON, updated.overrideReason())
                .set(EXPERIMENTS.STARTED_AT, utc(updated.startedAt()))
                .set(EXPERIMENTS.STEP_STARTED_AT, utc(updated.stepStartedAt()))
                .set(EXPERIMENTS.ENDED_AT, utc(updated.endedAt()))
                .set(EXPERIMENTS.GUARD_STATE, state(state))
                .set(EXPERIMENTS.LOCK_VERSION, EXPERIMENTS.LOCK_VERSION.plus(1))
                .set(EXPERIMENTS.LAST_CHANGE, note.what())
                .set(EXPERIMENTS.LAST_CHANGE_BY, note.by())
                .set(EXPERIMENTS.CHANGED_AT, utc(note.at()))
                .where(EXPERIMENTS.TENANT_ID.eq(tenant.value()), EXPERIMENTS.ID.eq(updated.id()),
                        EXPERIMENTS.LOCK_VERSION.eq(updated.lockVersion()))
                .execute();
        // @formatter:on
        if (rows == 0) {
            return false;
        }
        for (ExperimentArm a : updated.arms()) {
            dsl.update(ARMS)
                    .set(ARMS.BASIS_POINTS, a.basisPoints())
                    .where(ARMS.TENANT_ID.eq(tenant.value()), ARMS.EXPERIMENT_ID.eq(updated.id()),
                            ARMS.NAME.eq(a.name()))
                    .execute();
        }
        return true;
    }

    /** The gate's run ids as they start; no lock version change (the page's buttons stay valid). */
    void gateRuns(TenantId tenant, UUID id, @Nullable UUID candidateRun, @Nullable UUID baselineRun) {
        dsl.update(EXPERIMENTS)
                .set(EXPERIMENTS.GATE_CANDIDATE_RUN, candidateRun)
                .set(EXPERIMENTS.GATE_BASELINE_RUN, baselineRun)
                .where(EXPERIMENTS.TENANT_ID.eq(tenant.value()), EXPERIMENTS.ID.eq(id))
                .execute();
    }

    /** One look of the guard: its state and the count of looks; no lock version change. */
    void recordLook(TenantId tenant, UUID id, Map<String, GuardState> state, Instant at) {
        dsl.update(EXPERIMENTS)
                .set(EXPERIMENTS.GUARD_STATE, state(state))
                .set(EXPERIMENTS.GUARD_LOOKS, EXPERIMENTS.GUARD_LOOKS.plus(1))
                .set(EXPERIMENTS.GUARD_LOOKED_AT, utc(at))
                .where(EXPERIMENTS.TENANT_ID.eq(tenant.value()), EXPERIMENTS.ID.eq(id))
                .execute();
    }

    // ---- deployment events ---------------------------------------------------------------------------------------

    void insertEvent(TenantId tenant, UUID experimentId, DeploymentEvent e) {
        // @formatter:off
        dsl.insertInto(DEPLOYMENT_EVENTS)
                .set(DEPLOYMENT_EVENTS.TENANT_ID, tenant.value())
                .set(DEPLOYMENT_EVENTS.EXPERIMENT_ID, experimentId)
                .set(DEPLOYMENT_EVENTS.AT, utc(e.at()))
                .set(DEPLOYMENT_EVENTS.ACTOR, e.actor())
                .set(DEPLOYMENT_EVENTS.ACTION, e.action())
                .set(DEPLOYMENT_EVENTS.FROM_SPLIT, e.fromSplit())
                .set(DEPLOYMENT_EVENTS.TO_SPLIT, e.toSplit())
                .set(DEPLOYMENT_EVENTS.REASON, clip(e.reason(), 2000))
                .set(DEPLOYMENT_EVENTS.NUMBERS, JSONB.valueOf(json.writeValueAsString(e.numbers())))
                .execute();
        // @formatter:on
    }

    /** The workspace's history, newest first. */
    List<DeploymentEvent> events(TenantId tenant, int limit) {
        // @formatter:off
        return dsl.selectFrom(DEPLOYMENT_EVENTS)
                .where(DEPLOYMENT_EVENTS.TENANT_ID.eq(tenant.value()))
                .orderBy(DEPLOYMENT_EVENTS.AT.desc(), DEPLOYMENT_EVENTS.ID.desc())
                .limit(limit)
                .fetch(this::toEvent);
        // @formatter:on
    }

    /** One experiment's history, oldest first. */
    List<DeploymentEvent> events(TenantId tenant, UUID experimentId) {
        // @formatter:off
        return dsl.selectFrom(DEPLOYMENT_EVENTS)
                .where(DEPLOYMENT_EVENTS.TENANT_ID.eq(tenant.value()),
                        DEPLOYMENT_EVENTS.EXPERIMENT_ID.eq(experimentId))
                .orderBy(DEPLOYMENT_EVENTS.AT, DEPLOYMENT_EVENTS.ID)
                .fetch(this::toEvent);
        // @formatter:on
    }

    Optional<DeploymentEvent> lastRollback(TenantId tenant) {
        // @formatter:off
        return dsl.selectFrom(DEPLOYMENT_EVENTS)
                .where(DEPLOYMENT_EVENTS.TENANT_ID.eq(tenant.value()),
                        DEPLOYMENT_EVENTS.ACTION.eq("rolled_back"))
                .orderBy(DEPLOYMENT_EVENTS.AT.desc(), DEPLOYMENT_EVENTS.ID.desc())
                .limit(1)
                .fetchOptional(this::toEvent);
        // @formatter:on
    }

    // ---- mapping -------------------------------------------------------------------------------------------------

    private Map<UUID, List<ExperimentArm>> arms(TenantId tenant, Collection<UUID> ids) {
        Map<UUID, List<ExperimentArm>> result = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        // @formatter:off
        dsl.selectFrom(ARMS)
                .where(ARMS.TENANT_ID.eq(tenant.value()), ARMS.EXPERIMENT_ID.in(ids))
                .orderBy(ARMS.EXPERIMENT_ID, ARMS.ORDINAL)
                .forEach(r -> result.computeIfAbsent(r.get(ARMS.EXPERIMENT_ID), k -> new ArrayList<>())
                        .add(new ExperimentArm(r.get(ARMS.NAME), r.get(ARMS.VERSION), r.get(ARMS.BASIS_POINTS))));
        // @formatter:on
        return result;
    }

    private StoredExperiment toStored(Record r, List<ExperimentArm> bucketOrder) {
        GuardSettings guard = new GuardSettings(r.get(EXPERIMENTS.GUARD_METRIC), r.get(EXPERIMENTS.RELATIVE_DROP),
                r.get(EXPERIMENTS.ALPHA), Duration.ofSeconds(r.get(EXPERIMENTS.GUARD_WINDOW_SECONDS)),
                r.get(EXPERIMENTS.MIN_SAMPLE), r.get(EXPERIMENTS.AUTO_ADVANCE));
        ExperimentKind kind = ExperimentKind.valueOf(r.get(EXPERIMENTS.KIND));
        GateResult gate = null;
        if (kind == ExperimentKind.ROLLOUT) {
            Boolean passed = r.get(EXPERIMENTS.GATE_PASSED);
            String summary = r.get(EXPERIMENTS.GATE_SUMMARY);
            gate = new GateResult(r.get(EXPERIMENTS.GATE_BASELINE_RUN), r.get(EXPERIMENTS.GATE_CANDIDATE_RUN),
                    r.get(EXPERIMENTS.GATE_BASELINE_SCORE), r.get(EXPERIMENTS.GATE_CANDIDATE_SCORE),
                    Boolean.TRUE.equals(passed), summary == null ? "" : summary);
        }
        Experiment e = new Experiment(r.get(EXPERIMENTS.ID), r.get(EXPERIMENTS.NUMBER), r.get(EXPERIMENTS.NAME), kind,
                ExperimentStatus.valueOf(r.get(EXPERIMENTS.STATUS)), r.get(EXPERIMENTS.BASELINE_VERSION),
                StoredExperiment.displayOrder(bucketOrder), plan(r.get(EXPERIMENTS.PLAN)), r.get(EXPERIMENTS.STEP),
                guard, gate, r.get(EXPERIMENTS.OVERRIDE_REASON), r.get(EXPERIMENTS.CREATED_BY),
                instant(r.get(EXPERIMENTS.CREATED_AT)), instant(r.get(EXPERIMENTS.STARTED_AT)),
                instant(r.get(EXPERIMENTS.STEP_STARTED_AT)), instant(r.get(EXPERIMENTS.ENDED_AT)),
                r.get(EXPERIMENTS.LOCK_VERSION));
        return new StoredExperiment(e, bucketOrder, state(r.get(EXPERIMENTS.GUARD_STATE)),
                r.get(EXPERIMENTS.GUARD_LOOKS), instant(r.get(EXPERIMENTS.GUARD_LOOKED_AT)),
                r.get(EXPERIMENTS.LAST_CHANGE), r.get(EXPERIMENTS.LAST_CHANGE_BY),
                instant(r.get(EXPERIMENTS.CHANGED_AT)), r.get(EXPERIMENTS.CREATED_BY_ID));
    }

    private DeploymentEvent toEvent(Record r) {
        JSONB numbers = r.get(DEPLOYMENT_EVENTS.NUMBERS);
        Map<String, Object> map = numbers == null ? Map.of() : json.readValue(numbers.data(), NUMBERS);
        return new DeploymentEvent(instant(r.get(DEPLOYMENT_EVENTS.AT)), r.get(DEPLOYMENT_EVENTS.ACTOR),
                r.get(DEPLOYMENT_EVENTS.ACTION), r.get(DEPLOYMENT_EVENTS.FROM_SPLIT), r.get(DEPLOYMENT_EVENTS.TO_SPLIT),
                r.get(DEPLOYMENT_EVENTS.REASON), map);
    }

    private JSONB plan(List<PlanStep> plan) {
        return JSONB.valueOf(json.writeValueAsString(plan.stream()
                .map(s -> new StepJson(s.candidateBasisPoints(), s.minDuration().toSeconds(), s.minSample()))
                .toList()));
    }

    private List<PlanStep> plan(@Nullable JSONB stored) {
        if (stored == null) {
            return List.of();
        }
        return json.readValue(stored.data(), PLAN).stream()
                .map(s -> new PlanStep(s.basisPoints(), Duration.ofSeconds(s.minDurationSeconds()), s.minSample()))
                .toList();
    }

    private JSONB state(Map<String, GuardState> state) {
        Map<String, StateJson> out = new LinkedHashMap<>();
        state.forEach((arm, s) -> out.put(arm, new StateJson(s.windowFrom().toString(), s.metricP(), s.errorP())));
        return JSONB.valueOf(json.writeValueAsString(out));
    }

    private Map<String, GuardState> state(@Nullable JSONB stored) {
        if (stored == null) {
            return Map.of();
        }
        Map<String, GuardState> result = new LinkedHashMap<>();
        json.readValue(stored.data(), STATE).forEach((arm, s) -> result.put(arm,
                new GuardState(Instant.parse(s.windowFrom()), s.metricP(), s.errorP())));
        return result;
    }

    private static List<String> activeStatuses() {
        return List.of(ExperimentStatus.GATING.name(), ExperimentStatus.BLOCKED.name(),
                ExperimentStatus.RUNNING.name());
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
