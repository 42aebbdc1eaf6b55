package com.frontline.privacy;

import com.frontline.db.privacy.tables.records.ErasuresRecord;
import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.frontline.db.privacy.Tables.ERASURES;
import static com.frontline.db.privacy.Tables.SETTINGS;
import static com.frontline.db.privacy.Tables.WORKSPACE_DELETIONS;

/** The privacy schema: settings and erasures per workspace, and workspace deletions at platform level. */
@Repository
class PrivacyRepository {

    private final DSLContext dsl;

    PrivacyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Nullable Integer retentionDays(TenantId tenant) {
        return dsl.select(SETTINGS.RETENTION_DAYS).from(SETTINGS).where(SETTINGS.TENANT_ID.eq(tenant.value()))
                .fetchOne(SETTINGS.RETENTION_DAYS);
    }

    void saveRetentionDays(TenantId tenant, @Nullable Integer days) {
        dsl.insertInto(SETTINGS).set(SETTINGS.TENANT_ID, tenant.value()).set(SETTINGS.RETENTION_DAYS, days)
                .onConflict(SETTINGS.TENANT_ID).doUpdate()
                .set(SETTINGS.RETENTION_DAYS, days).set(SETTINGS.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }

    /** Workspaces with a retention period (read across workspaces by the job only). */
    List<TenantId> workspacesWithRetention() {
        return dsl.select(SETTINGS.TENANT_ID).from(SETTINGS).where(SETTINGS.RETENTION_DAYS.isNotNull())
                .orderBy(SETTINGS.TENANT_ID).fetch(r -> TenantId.of(r.value1()));
    }

    void insertErasure(TenantId tenant, UUID id, Erasure.Kind kind, int conversations, int messages, int corrections,
                       Collection<UUID> searchDocuments) {
        boolean pending = !searchDocuments.isEmpty();
        dsl.insertInto(ERASURES)
                .set(ERASURES.TENANT_ID, tenant.value())
                .set(ERASURES.ID, id)
                .set(ERASURES.KIND, kind.name())
                .set(ERASURES.STATUS, pending ? Erasure.Status.PENDING.name() : Erasure.Status.DONE.name())
                .set(ERASURES.CONVERSATIONS, conversations)
                .set(ERASURES.MESSAGES, messages)
                .set(ERASURES.CORRECTIONS, corrections)
                .set(ERASURES.SEARCH_DOCUMENTS, searchDocuments.toArray(UUID[]::new))
                .set(ERASURES.COMPLETED_AT, pending ? null : OffsetDateTime.now())
                .execute();
    }

    List<Erasure> recentErasures(TenantId tenant, int limit) {
        return dsl.selectFrom(ERASURES).where(ERASURES.TENANT_ID.eq(tenant.value()))
                .orderBy(ERASURES.CREATED_AT.desc(), ERASURES.ID).limit(limit)
                .fetch(PrivacyRepository::erasure);
    }

    /** Pending erasures across workspaces, oldest first (for the retry job). */
    List<Erasure> pendingErasures(int limit) {
        return dsl.selectFrom(ERASURES).where(ERASURES.STATUS.eq(Erasure.Status.PENDING.name()))
                .orderBy(ERASURES.CREATED_AT).limit(limit)
                .fetch(PrivacyRepository::erasure);
    }

    Optional<Erasure> erasure(TenantId tenant, UUID id) {
        return dsl.selectFrom(ERASURES).where(ERASURES.TENANT_ID.eq(tenant.value()), ERASURES.ID.eq(id))
                .fetchOptional(PrivacyRepository::erasure);
    }

    private static Erasure erasure(ErasuresRecord r) {
        return new Erasure(TenantId.of(r.getTenantId()), r.getId(), Erasure.Kind.valueOf(r.getKind()),
                Erasure.Status.valueOf(r.getStatus()), r.getConversations(), r.getMessages(), r.getCorrections(),
                List.of(r.getSearchDocuments()), r.getAttempts(), r.getLastError(), r.getCreatedAt(),
                r.getCompletedAt());
    }

    void erasureDone(TenantId tenant, UUID id) {
        dsl.update(ERASURES).set(ERASURES.STATUS, Erasure.Status.DONE.name())
                .set(ERASURES.SEARCH_DOCUMENTS, new UUID[0])
                .set(ERASURES.ATTEMPTS, ERASURES.ATTEMPTS.plus(1))
                .set(ERASURES.LAST_ERROR, (String) null)
                .set(ERASURES.COMPLETED_AT, OffsetDateTime.now())
                .where(ERASURES.TENANT_ID.eq(tenant.value()), ERASURES.ID.eq(id)).execute();
    }

    void erasureFailed(TenantId tenant, UUID id, String error) {
        dsl.update(ERASURES).set(ERASURES.ATTEMPTS, ERASURES.ATTEMPTS.plus(1)).set(ERASURES.LAST_ERROR, error)
                .where(ERASURES.TENANT_ID.eq(tenant.value()), ERASURES.ID.eq(id)).execute();
    }

    void insertWorkspaceDeletion(TenantId tenant, String name, UUID deletedBy) {
        dsl.insertInto(WORKSPACE_DELETIONS)
                .set(WORKSPACE_DELETIONS.WORKSPACE_ID, tenant.value())
                .set(WORKSPACE_DELETIONS.WORKSPACE_NAME, name)
                .set(WORKSPACE_DELETIONS.DELETED_BY, deletedBy)
                .set(WORKSPACE_DELETIONS.STATUS, Erasure.Status.PENDING.name())
                .execute();
    }

    List<TenantId> pendingWorkspaceDeletions(int limit) {
        return dsl.select(WORKSPACE_DELETIONS.WORKSPACE_ID).from(WORKSPACE_DELETIONS)
                .where(WORKSPACE_DELETIONS.STATUS.eq(Erasure.Status.PENDING.name()))
                .orderBy(WORKSPACE_DELETIONS.DELETED_AT).limit(limit)
                .fetch(r -> TenantId.of(r.value1()));
    }

    @Nullable String workspaceDeletionStatus(TenantId tenant) {
        return dsl.select(WORKSPACE_DELETIONS.STATUS).from(WORKSPACE_DELETIONS)
                .where(WORKSPACE_DELETIONS.WORKSPACE_ID.eq(tenant.value())).fetchOne(WORKSPACE_DELETIONS.STATUS);
    }

    void workspaceDeletionDone(TenantId tenant) {
        dsl.update(WORKSPACE_DELETIONS).set(WORKSPACE_DELETIONS.STATUS, Erasure.Status.DONE.name())
                .set(WORKSPACE_DELETIONS.ATTEMPTS, WORKSPACE_DELETIONS.ATTEMPTS.plus(1))
                .set(WORKSPACE_DELETIONS.LAST_ERROR, (String) null)
                .set(WORKSPACE_DELETIONS.COMPLETED_AT, OffsetDateTime.now())
                .where(WORKSPACE_DELETIONS.WORKSPACE_ID.eq(tenant.value())).execute();
    }

    void workspaceDeletionFailed(TenantId tenant, String error) {
        dsl.update(WORKSPACE_DELETIONS).set(WORKSPACE_DELETIONS.ATTEMPTS, WORKSPACE_DELETIONS.ATTEMPTS.plus(1))
                .set(WORKSPACE_DELETIONS.LAST_ERROR, error)
                .where(WORKSPACE_DELETIONS.WORKSPACE_ID.eq(tenant.value())).execute();
    }
}
