package com.frontline.insights;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.frontline.db.insights.Tables.BACKFILLS;
import static com.frontline.db.insights.Tables.CLUSTER_JOBS;

/** The state of the insights' background work: backfills and re-clusters. Every method takes the workspace first. */
@Repository
class BackgroundRepository {

    private final DSLContext dsl;

    BackgroundRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // ---- backfills ---------------------------------------------------------------------------------------------

    /** Starts a backfill of the workspace unless it has one (running or done); true when this call started it. */
    boolean startBackfill(TenantId tenant, int total, OffsetDateTime now) {
        // @formatter:off
        return dsl.insertInto(BACKFILLS)
                .set(BACKFILLS.TENANT_ID, tenant.value())
                .set(BACKFILLS.STATUS, Backfill.Status.RUNNING.name())
                .set(BACKFILLS.TOTAL, total)
                .set(BACKFILLS.STARTED_AT, now)
                .set(BACKFILLS.UPDATED_AT, now)
                .onConflictDoNothing()
                .execute() == 1;
        // @formatter:on
    }

    Optional<Backfill> backfill(TenantId tenant) {
        return dsl.selectFrom(BACKFILLS)
                .where(BACKFILLS.TENANT_ID.eq(tenant.value()))
                .fetchOptional(this::backfill);
    }

    /** The backfill, locked until the transaction ends (one page at a time per workspace). */
    Optional<Backfill> lockBackfill(TenantId tenant) {
        return dsl.selectFrom(BACKFILLS)
                .where(BACKFILLS.TENANT_ID.eq(tenant.value()))
                .forUpdate()
                .fetchOptional(this::backfill);
    }

    /** Moves the watermark past one page; {@code finished}: that page was the last. */
    void backfillPage(TenantId tenant, @Nullable UUID after, int walked, int analysed, boolean finished,
                      OffsetDateTime now) {
        // @formatter:off
        dsl.update(BACKFILLS)
                .set(BACKFILLS.AFTER_CONVERSATION, after)
                .set(BACKFILLS.DONE, BACKFILLS.DONE.plus(walked))
                .set(BACKFILLS.ANALYSED, BACKFILLS.ANALYSED.plus(analysed))
                .set(BACKFILLS.UPDATED_AT, now)
                .set(BACKFILLS.STATUS, finished ? Backfill.Status.DONE.name() : Backfill.Status.RUNNING.name())
                .set(BACKFILLS.FINISHED_AT, finished ? now : null)
                .where(BACKFILLS.TENANT_ID.eq(tenant.value()))
                .execute();
        // @formatter:on
    }

    /** Of the given workspaces, those that have no backfill row yet. */
    List<TenantId> withoutBackfill(List<TenantId> tenants) {
        if (tenants.isEmpty()) {
            return List.of();
        }
        var known = new java.util.HashSet<>(dsl.select(BACKFILLS.TENANT_ID)
                .from(BACKFILLS)
                .where(BACKFILLS.TENANT_ID.in(tenants.stream().map(TenantId::value).toList()))
                .fetch(r -> r.value1()));
        return tenants.stream().filter(t -> !known.contains(t.value())).toList();
    }

    /** Backfills not finished, across workspaces (a sweep: to schedule again after a crash). */
    List<TenantId> runningBackfills() {
        return dsl.select(BACKFILLS.TENANT_ID)
                .from(BACKFILLS)
                .where(BACKFILLS.STATUS.eq(Backfill.Status.RUNNING.name()))
                .fetch(r -> TenantId.of(r.value1()));
    }

    /** Re-clusters queued, across workspaces (a sweep: to schedule again after a crash). */
    List<TenantId> queuedClusterings() {
        return dsl.select(CLUSTER_JOBS.TENANT_ID)
                .from(CLUSTER_JOBS)
                .where(CLUSTER_JOBS.STATUS.eq(ClusterJob.Status.QUEUED.name()))
                .fetch(r -> TenantId.of(r.value1()));
    }

    // ---- re-cluster jobs ---------------------------------------------------------------------------------------

    /**
     * Queues a re-cluster unless one is queued or running; true when this call queued it. The row is locked until
     * the transaction ends, so two requests at once queue one.
     */
    boolean queueClustering(TenantId tenant, int questions, OffsetDateTime now) {
        dsl.insertInto(CLUSTER_JOBS)
                .set(CLUSTER_JOBS.TENANT_ID, tenant.value())
                .set(CLUSTER_JOBS.STATUS, ClusterJob.Status.DONE.name())
                .set(CLUSTER_JOBS.QUESTIONS, 0)
                .set(CLUSTER_JOBS.REQUESTED_AT, now)
                .onConflictDoNothing()
                .execute();
        String status = dsl.select(CLUSTER_JOBS.STATUS)
                .from(CLUSTER_JOBS)
                .where(CLUSTER_JOBS.TENANT_ID.eq(tenant.value()))
                .forUpdate()
                .fetchSingle(r -> r.value1());
        if (ClusterJob.Status.valueOf(status).active()) {
            return false;
        }
        // @formatter:off
        dsl.update(CLUSTER_JOBS)
                .set(CLUSTER_JOBS.STATUS, ClusterJob.Status.QUEUED.name())
                .set(CLUSTER_JOBS.QUESTIONS, questions)
                .set(CLUSTER_JOBS.REQUESTED_AT, now)
                .setNull(CLUSTER_JOBS.STARTED_AT)
                .setNull(CLUSTER_JOBS.FINISHED_AT)
                .setNull(CLUSTER_JOBS.ERROR)
                .where(CLUSTER_JOBS.TENANT_ID.eq(tenant.value()))
                .execute();
        // @formatter:on
        return true;
    }

    void clusteringStarted(TenantId tenant, int questions, OffsetDateTime now) {
        dsl.update(CLUSTER_JOBS)
                .set(CLUSTER_JOBS.STATUS, ClusterJob.Status.RUNNING.name())
                .set(CLUSTER_JOBS.QUESTIONS, questions)
                .set(CLUSTER_JOBS.RUNS, CLUSTER_JOBS.RUNS.plus(1))
                .set(CLUSTER_JOBS.STARTED_AT, now)
                .where(CLUSTER_JOBS.TENANT_ID.eq(tenant.value()))
                .execute();
    }

    void clusteringFinished(TenantId tenant, @Nullable String error, OffsetDateTime now) {
        dsl.update(CLUSTER_JOBS)
                .set(CLUSTER_JOBS.STATUS, error == null ? ClusterJob.Status.DONE.name() : ClusterJob.Status.FAILED.name())
                .set(CLUSTER_JOBS.ERROR, error)
                .set(CLUSTER_JOBS.FINISHED_AT, now)
                .where(CLUSTER_JOBS.TENANT_ID.eq(tenant.value()))
                .execute();
    }

    Optional<ClusterJob> clusterJob(TenantId tenant) {
        return dsl.selectFrom(CLUSTER_JOBS)
                .where(CLUSTER_JOBS.TENANT_ID.eq(tenant.value()))
                .fetchOptional(r -> new ClusterJob(ClusterJob.Status.valueOf(r.getStatus()), r.getQuestions(),
                        r.getRuns(), r.getRequestedAt(), r.getStartedAt(), r.getFinishedAt(), r.getError()));
    }

    private Backfill backfill(com.frontline.db.insights.tables.records.BackfillsRecord r) {
        return new Backfill(Backfill.Status.valueOf(r.getStatus()), r.getTotal(), r.getDone(), r.getAnalysed(),
                r.getAfterConversation(), r.getStartedAt(), r.getFinishedAt());
    }
}
