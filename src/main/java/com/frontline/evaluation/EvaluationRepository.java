package com.frontline.evaluation;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.frontline.db.evaluation.Tables.CASES;
import static com.frontline.db.evaluation.Tables.RUNS;
import static com.frontline.db.evaluation.Tables.RUN_RESULTS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.val;

/** The evaluation set, its runs and their per-case results; every query scoped to one workspace. */
@Repository
class EvaluationRepository {

    /** A run of some workspace, for the restart check (the one query across workspaces). */
    record RunRef(TenantId tenant, UUID runId) {
    }

    /** A case's result as the run writes it. */
    record Scored(Outcome outcome, String answer, List<String> cited, @Nullable Boolean citationHit,
                  @Nullable Double tokenF1, boolean verified, @Nullable Double confidence, @Nullable String provider,
                  @Nullable String model, double millis, @Nullable UUID conversationId) {
    }

    /** A run's totals as it finishes. */
    record Totals(@Nullable Double answerRate, @Nullable Double citationHitRate, @Nullable Double meanTokenF1,
                  int verifiedFired, int errors, @Nullable String provider, @Nullable String model) {
    }

    private final DSLContext dsl;

    EvaluationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // ---- cases ---------------------------------------------------------------------------------------------------

    /** Every case of the workspace, oldest first. */
    List<EvaluationCase> cases(TenantId tenant) {
        // @formatter:off
        return dsl.selectFrom(CASES)
                .where(CASES.TENANT_ID.eq(tenant.value()))
                .orderBy(CASES.CREATED_AT, CASES.ID)
                .fetch(EvaluationRepository::toCase);
        // @formatter:on
    }

    /** The cases a run asks: every case but those of retired corrections, oldest first. */
    List<EvaluationCase> activeCases(TenantId tenant) {
        // @formatter:off
        return dsl.selectFrom(CASES)
                .where(CASES.TENANT_ID.eq(tenant.value()), CASES.RETIRED.isFalse())
                .orderBy(CASES.CREATED_AT, CASES.ID)
                .fetch(EvaluationRepository::toCase);
        // @formatter:on
    }

    Optional<EvaluationCase> findCase(TenantId tenant, UUID caseId) {
        return dsl.selectFrom(CASES)
                .where(CASES.TENANT_ID.eq(tenant.value()), CASES.ID.eq(caseId))
                .fetchOptional(EvaluationRepository::toCase);
    }

    void insertUploaded(TenantId tenant, List<CaseCsv.NewCase> cases) {
        if (cases.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        var insert = dsl.insertInto(CASES, CASES.TENANT_ID, CASES.ID, CASES.ORIGIN, CASES.QUESTION,
                CASES.EXPECTED_ANSWER, CASES.EXPECTED_SOURCE, CASES.CREATED_AT, CASES.UPDATED_AT);
        int i = 0;
        for (CaseCsv.NewCase c : cases) {
            // one microsecond apart, so that the file's order is the list's order
            OffsetDateTime at = now.plusNanos(1000L * i++);
            insert = insert.values(tenant.value(), UUID.randomUUID(), CaseOrigin.UPLOAD.name(), c.question(),
                    c.expectedAnswer(), c.expectedSource(), at, at);
        }
        insert.execute();
    }

    /** Deletes an uploaded case; a correction's case is not deleted here (retiring the correction retires it). */
    boolean deleteUploaded(TenantId tenant, UUID caseId) {
        return dsl.deleteFrom(CASES)
                .where(CASES.TENANT_ID.eq(tenant.value()), CASES.ID.eq(caseId),
                        CASES.ORIGIN.eq(CaseOrigin.UPLOAD.name()))
                .execute() > 0;
    }

    /**
     * The correction's case holds this approved version: created, or updated from an older version (and no longer
     * retired). A version older than the one held changes nothing, so a replayed event is harmless.
     */
    void upsertCorrection(TenantId tenant, UUID correctionId, int version, String question, String answer,
                          @Nullable String source) {
        // @formatter:off
        dsl.insertInto(CASES)
                .set(CASES.TENANT_ID, tenant.value())
                .set(CASES.ID, UUID.randomUUID())
                .set(CASES.ORIGIN, CaseOrigin.CORRECTION.name())
                .set(CASES.CORRECTION_ID, correctionId)
                .set(CASES.CORRECTION_VERSION, version)
                .set(CASES.QUESTION, question)
                .set(CASES.EXPECTED_ANSWER, answer)
                .set(CASES.EXPECTED_SOURCE, source)
                .onConflict(CASES.TENANT_ID, CASES.CORRECTION_ID)
                .doUpdate()
                .set(CASES.CORRECTION_VERSION, version)
                .set(CASES.QUESTION, question)
                .set(CASES.EXPECTED_ANSWER, answer)
                .set(CASES.EXPECTED_SOURCE, source)
                .set(CASES.RETIRED, false)
                .set(CASES.UPDATED_AT, OffsetDateTime.now())
                .where(CASES.CORRECTION_VERSION.le(version))
                .execute();
        // @formatter:on
    }

    void retireCorrection(TenantId tenant, UUID correctionId) {
        dsl.update(CASES)
                .set(CASES.RETIRED, true)
                .set(CASES.UPDATED_AT, OffsetDateTime.now())
                .where(CASES.TENANT_ID.eq(tenant.value()), CASES.CORRECTION_ID.eq(correctionId))
                .execute();
    }

    // ---- runs ----------------------------------------------------------------------------------------------------

    /** The run in progress, if any (there is at most one per workspace). */
    Optional<EvaluationRun> running(TenantId tenant) {
        return dsl.selectFrom(RUNS)
                .where(RUNS.TENANT_ID.eq(tenant.value()), RUNS.STATUS.eq(RunStatus.RUNNING.name()))
                .fetchOptional(EvaluationRepository::toRun);
    }

    /** Creates a run with one pending result per case, in the cases' order. */
    EvaluationRun insertRun(TenantId tenant, UUID runId, @Nullable UUID startedBy, @Nullable String startedByName,
                            List<EvaluationCase> cases) {
        return insertRun(tenant, runId, startedBy, startedByName, cases, null);
    }

    /** @param version the assistant version to ask; null: the live version at the time */
    EvaluationRun insertRun(TenantId tenant, UUID runId, @Nullable UUID startedBy, @Nullable String startedByName,
                            List<EvaluationCase> cases, @Nullable Integer version) {
        int number = dsl.select(coalesce(max(RUNS.NUMBER), val(0)))
                .from(RUNS)
                .where(RUNS.TENANT_ID.eq(tenant.value()))
                .fetchSingle().value1() + 1;
        dsl.insertInto(RUNS)
                .set(RUNS.TENANT_ID, tenant.value())
                .set(RUNS.ID, runId)
                .set(RUNS.NUMBER, number)
                .set(RUNS.STATUS, RunStatus.RUNNING.name())
                .set(RUNS.STARTED_BY, startedBy)
                .set(RUNS.STARTED_BY_NAME, startedByName)
                .set(RUNS.TOTAL, cases.size())
                .set(RUNS.ASSISTANT_VERSION, version)
                .execute();
        var insert = dsl.insertInto(RUN_RESULTS, RUN_RESULTS.TENANT_ID, RUN_RESULTS.RUN_ID, RUN_RESULTS.ORDINAL,
                RUN_RESULTS.CASE_ID, RUN_RESULTS.ORIGIN, RUN_RESULTS.QUESTION, RUN_RESULTS.EXPECTED_ANSWER,
                RUN_RESULTS.EXPECTED_SOURCE);
        int ordinal = 0;
        for (EvaluationCase c : cases) {
            insert = insert.values(tenant.value(), runId, ++ordinal, c.id(), c.origin().name(), c.question(),
                    c.expectedAnswer(), c.expectedSource());
        }
        if (!cases.isEmpty()) {
            insert.execute();
        }
        return findRun(tenant, runId).orElseThrow();
    }

    /** The workspace's runs, newest first. */
    List<EvaluationRun> runs(TenantId tenant, int limit) {
        // @formatter:off
        return dsl.selectFrom(RUNS)
                .where(RUNS.TENANT_ID.eq(tenant.value()))
                .orderBy(RUNS.NUMBER.desc())
                .limit(limit)
                .fetch(EvaluationRepository::toRun);
        // @formatter:on
    }

    Optional<EvaluationRun> findRun(TenantId tenant, UUID runId) {
        return dsl.selectFrom(RUNS)
                .where(RUNS.TENANT_ID.eq(tenant.value()), RUNS.ID.eq(runId))
                .fetchOptional(EvaluationRepository::toRun);
    }

    /** A run's results in the cases' order, pending ones included. */
    List<RunResult> results(TenantId tenant, UUID runId) {
        // @formatter:off
        return dsl.selectFrom(RUN_RESULTS)
                .where(RUN_RESULTS.TENANT_ID.eq(tenant.value()), RUN_RESULTS.RUN_ID.eq(runId))
                .orderBy(RUN_RESULTS.ORDINAL)
                .fetch(EvaluationRepository::toResult);
        // @formatter:on
    }

    /** Writes one case's result and counts it done, unless it was written already (a resumed run). */
    boolean saveResult(TenantId tenant, UUID runId, int ordinal, Scored s) {
        // @formatter:off
        int updated = dsl.update(RUN_RESULTS)
                .set(RUN_RESULTS.OUTCOME, s.outcome().name())
                .set(RUN_RESULTS.ANSWER, s.answer())
                .set(RUN_RESULTS.CITED, s.cited().toArray(String[]::new))
                .set(RUN_RESULTS.CITATION_HIT, s.citationHit())
                .set(RUN_RESULTS.TOKEN_F1, s.tokenF1())
                .set(RUN_RESULTS.VERIFIED, s.verified())
                .set(RUN_RESULTS.CONFIDENCE, s.confidence())
                .set(RUN_RESULTS.PROVIDER, s.provider())
                .set(RUN_RESULTS.MODEL, s.model())
                .set(RUN_RESULTS.MILLIS, s.millis())
                .set(RUN_RESULTS.CONVERSATION_ID, s.conversationId())
                .where(RUN_RESULTS.TENANT_ID.eq(tenant.value()), RUN_RESULTS.RUN_ID.eq(runId),
                        RUN_RESULTS.ORDINAL.eq(ordinal), RUN_RESULTS.OUTCOME.isNull())
                .execute();
        // @formatter:on
        if (updated == 0) {
            return false;
        }
        dsl.update(RUNS)
                .set(RUNS.DONE, RUNS.DONE.plus(1))
                .where(RUNS.TENANT_ID.eq(tenant.value()), RUNS.ID.eq(runId))
                .execute();
        return true;
    }

    /** @return whether the run was still running (and is now done) */
    boolean finish(TenantId tenant, UUID runId, Totals t) {
        // @formatter:off
        return dsl.update(RUNS)
                .set(RUNS.STATUS, RunStatus.DONE.name())
                .set(RUNS.ANSWER_RATE, t.answerRate())
                .set(RUNS.CITATION_HIT_RATE, t.citationHitRate())
                .set(RUNS.MEAN_TOKEN_F1, t.meanTokenF1())
                .set(RUNS.VERIFIED_FIRED, t.verifiedFired())
                .set(RUNS.ERRORS, t.errors())
                .set(RUNS.PROVIDER, t.provider())
                .set(RUNS.MODEL, t.model())
                .set(RUNS.FINISHED_AT, OffsetDateTime.now())
                .where(RUNS.TENANT_ID.eq(tenant.value()), RUNS.ID.eq(runId),
                        RUNS.STATUS.eq(RunStatus.RUNNING.name()))
                .execute() > 0;
        // @formatter:on
    }

    /** @return whether the run was still running (and has now failed) */
    boolean fail(TenantId tenant, UUID runId, String message) {
        return dsl.update(RUNS)
                .set(RUNS.STATUS, RunStatus.FAILED.name())
                .set(RUNS.STATUS_DETAIL, message)
                .set(RUNS.FINISHED_AT, OffsetDateTime.now())
                .where(RUNS.TENANT_ID.eq(tenant.value()), RUNS.ID.eq(runId),
                        RUNS.STATUS.eq(RunStatus.RUNNING.name()))
                .execute() > 0;
    }

    /** Runs of every workspace still marked running: after a restart, each is resumed. */
    List<RunRef> runningEverywhere() {
        return dsl.select(RUNS.TENANT_ID, RUNS.ID)
                .from(RUNS)
                .where(RUNS.STATUS.eq(RunStatus.RUNNING.name()))
                .fetch(r -> new RunRef(TenantId.of(r.get(RUNS.TENANT_ID)), r.get(RUNS.ID)));
    }

    // ---- mapping -------------------------------------------------------------------------------------------------

    private static EvaluationCase toCase(Record r) {
        return new EvaluationCase(r.get(CASES.ID), CaseOrigin.valueOf(r.get(CASES.ORIGIN)), r.get(CASES.CORRECTION_ID),
                r.get(CASES.CORRECTION_VERSION), r.get(CASES.QUESTION), r.get(CASES.EXPECTED_ANSWER),
                r.get(CASES.EXPECTED_SOURCE), r.get(CASES.RETIRED), r.get(CASES.CREATED_AT));
    }

    private static EvaluationRun toRun(Record r) {
        return new EvaluationRun(r.get(RUNS.ID), r.get(RUNS.NUMBER), RunStatus.valueOf(r.get(RUNS.STATUS)),
                r.get(RUNS.STATUS_DETAIL), r.get(RUNS.STARTED_BY_NAME), r.get(RUNS.TOTAL), r.get(RUNS.DONE),
                r.get(RUNS.ANSWER_RATE), r.get(RUNS.CITATION_HIT_RATE), r.get(RUNS.MEAN_TOKEN_F1),
                r.get(RUNS.VERIFIED_FIRED), r.get(RUNS.ERRORS), r.get(RUNS.PROVIDER), r.get(RUNS.MODEL),
                r.get(RUNS.CREATED_AT), r.get(RUNS.FINISHED_AT), r.get(RUNS.ASSISTANT_VERSION));
    }

    private static RunResult toResult(Record r) {
        String outcome = r.get(RUN_RESULTS.OUTCOME);
        String[] cited = r.get(RUN_RESULTS.CITED);
        Double millis = r.get(RUN_RESULTS.MILLIS);
        return new RunResult(r.get(RUN_RESULTS.ORDINAL), r.get(RUN_RESULTS.CASE_ID),
                CaseOrigin.valueOf(r.get(RUN_RESULTS.ORIGIN)), r.get(RUN_RESULTS.QUESTION),
                r.get(RUN_RESULTS.EXPECTED_ANSWER), r.get(RUN_RESULTS.EXPECTED_SOURCE),
                outcome == null ? null : Outcome.valueOf(outcome), r.get(RUN_RESULTS.ANSWER),
                cited == null ? List.of() : Arrays.asList(cited), r.get(RUN_RESULTS.CITATION_HIT),
                r.get(RUN_RESULTS.TOKEN_F1), Boolean.TRUE.equals(r.get(RUN_RESULTS.VERIFIED)),
                r.get(RUN_RESULTS.CONFIDENCE), r.get(RUN_RESULTS.PROVIDER), r.get(RUN_RESULTS.MODEL),
                millis == null ? 0 : millis, r.get(RUN_RESULTS.CONVERSATION_ID));
    }
}
