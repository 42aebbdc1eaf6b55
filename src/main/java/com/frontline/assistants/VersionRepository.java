package com.frontline.assistants;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.frontline.db.assistants.Tables.LIVE;
import static com.frontline.db.assistants.Tables.LIVE_CHANGES;
import static com.frontline.db.assistants.Tables.VERSIONS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;

/**
 * A workspace's published versions, its live version and the history of live changes. Versions are only ever
 * inserted: there is no way to change one here (and the database refuses it too, see the migration's trigger).
 */
@Repository
class VersionRepository {

    /** Who made a change: a person (id and e-mail) or something automatic (no id, a name). */
    record Who(@Nullable UUID id, String name) {
    }

    /** A version about to be stored. */
    record NewVersion(int number, AssistantConfig config, Who by, @Nullable String note,
                      @Nullable Integer restoredFrom) {
    }

    /** The live pointer as stored. */
    record Live(int version, OffsetDateTime changedAt, String changedBy, @Nullable String reason) {
    }

    private final DSLContext dsl;
    private final JsonMapper json;

    VersionRepository(DSLContext dsl, JsonMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    Optional<Live> live(TenantId tenant) {
        return dsl.select(LIVE.VERSION, LIVE.CHANGED_AT, LIVE.CHANGED_BY, LIVE.REASON)
                .from(LIVE)
                .where(LIVE.TENANT_ID.eq(tenant.value()))
                .fetchOptional(r -> new Live(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /**
     * The live version's number, the row locked until the transaction ends: publishing, restoring and making live
     * take this lock first, so that one workspace's version changes happen one after the other.
     */
    Optional<Integer> lockLive(TenantId tenant) {
        return dsl.select(LIVE.VERSION)
                .from(LIVE)
                .where(LIVE.TENANT_ID.eq(tenant.value()))
                .forUpdate()
                .fetchOptional(LIVE.VERSION);
    }

    /**
     * Stores version 1 and makes it live, unless the workspace has versions already (another request may be doing
     * the same at this moment: the second insert waits for the first and then does nothing).
     *
     * @return whether this call created it
     */
    boolean insertFirst(TenantId tenant, AssistantConfig config, Who by, String note) {
        int inserted = dsl.insertInto(VERSIONS)
                .set(VERSIONS.TENANT_ID, tenant.value())
                .set(VERSIONS.NUMBER, 1)
                .set(VERSIONS.CONFIG, jsonb(config))
                .set(VERSIONS.STATUS, AssistantVersion.Status.PUBLISHED.name())
                .set(VERSIONS.CREATED_BY, by.name())
                .set(VERSIONS.CREATED_BY_ID, by.id())
                .set(VERSIONS.NOTE, note)
                .onConflictDoNothing()
                .execute();
        int live = dsl.insertInto(LIVE)
                .set(LIVE.TENANT_ID, tenant.value())
                .set(LIVE.VERSION, 1)
                .set(LIVE.CHANGED_BY, by.name())
                .set(LIVE.CHANGED_BY_ID, by.id())
                .set(LIVE.REASON, note)
                .onConflictDoNothing()
                .execute();
        if (live > 0) {
            insertChange(tenant, null, 1, by, note);
        }
        return inserted > 0;
    }

    int nextNumber(TenantId tenant) {
        return dsl.select(coalesce(max(VERSIONS.NUMBER), 0))
                .from(VERSIONS)
                .where(VERSIONS.TENANT_ID.eq(tenant.value()))
                .fetchSingle().value1() + 1;
    }

    /** @throws org.springframework.dao.DuplicateKeyException if the number is taken: a version is never replaced */
    void insert(TenantId tenant, NewVersion v) {
        dsl.insertInto(VERSIONS)
                .set(VERSIONS.TENANT_ID, tenant.value())
                .set(VERSIONS.NUMBER, v.number())
                .set(VERSIONS.CONFIG, jsonb(v.config()))
                .set(VERSIONS.STATUS, AssistantVersion.Status.PUBLISHED.name())
                .set(VERSIONS.CREATED_BY, v.by().name())
                .set(VERSIONS.CREATED_BY_ID, v.by().id())
                .set(VERSIONS.NOTE, v.note())
                .set(VERSIONS.RESTORED_FROM, v.restoredFrom())
                .execute();
    }

    Optional<AssistantVersion> find(TenantId tenant, int number) {
        return dsl.selectFrom(VERSIONS)
                .where(VERSIONS.TENANT_ID.eq(tenant.value()), VERSIONS.NUMBER.eq(number))
                .fetchOptional(this::version);
    }

    Optional<AssistantVersion> latest(TenantId tenant) {
        return dsl.selectFrom(VERSIONS)
                .where(VERSIONS.TENANT_ID.eq(tenant.value()))
                .orderBy(VERSIONS.NUMBER.desc())
                .limit(1)
                .fetchOptional(this::version);
    }

    /** Newest first. */
    List<AssistantVersion> list(TenantId tenant, int limit) {
        return dsl.selectFrom(VERSIONS)
                .where(VERSIONS.TENANT_ID.eq(tenant.value()))
                .orderBy(VERSIONS.NUMBER.desc())
                .limit(limit)
                .fetch(this::version);
    }

    void setLive(TenantId tenant, int version, Who by, String reason) {
        dsl.update(LIVE)
                .set(LIVE.VERSION, version)
                .set(LIVE.CHANGED_AT, OffsetDateTime.now())
                .set(LIVE.CHANGED_BY, by.name())
                .set(LIVE.CHANGED_BY_ID, by.id())
                .set(LIVE.REASON, reason)
                .where(LIVE.TENANT_ID.eq(tenant.value()))
                .execute();
    }

    void insertChange(TenantId tenant, @Nullable Integer from, int to, Who by, String reason) {
        dsl.insertInto(LIVE_CHANGES)
                .set(LIVE_CHANGES.TENANT_ID, tenant.value())
                .set(LIVE_CHANGES.FROM_VERSION, from)
                .set(LIVE_CHANGES.TO_VERSION, to)
                .set(LIVE_CHANGES.CHANGED_BY, by.name())
                .set(LIVE_CHANGES.CHANGED_BY_ID, by.id())
                .set(LIVE_CHANGES.REASON, reason)
                .execute();
    }

    /** Newest first. */
    List<LiveChange> changes(TenantId tenant, int limit) {
        // @formatter:off
        return dsl.select(LIVE_CHANGES.FROM_VERSION, LIVE_CHANGES.TO_VERSION, LIVE_CHANGES.CHANGED_AT,
                          LIVE_CHANGES.CHANGED_BY, LIVE_CHANGES.REASON)
                .from(LIVE_CHANGES)
                .where(LIVE_CHANGES.TENANT_ID.eq(tenant.value()))
                .orderBy(LIVE_CHANGES.ID.desc())
                .limit(limit)
                .fetch(org.jooq.Records.mapping(LiveChange::new));
        // @formatter:on
    }

    private AssistantVersion version(Record r) {
        return new AssistantVersion(r.get(VERSIONS.NUMBER), config(r.get(VERSIONS.CONFIG)),
                AssistantVersion.Status.valueOf(r.get(VERSIONS.STATUS)), r.get(VERSIONS.CREATED_BY),
                r.get(VERSIONS.CREATED_BY_ID), r.get(VERSIONS.CREATED_AT), r.get(VERSIONS.NOTE),
                r.get(VERSIONS.RESTORED_FROM));
    }

    AssistantConfig config(JSONB value) {
        return json.readValue(value.data(), AssistantConfig.class);
    }

    private JSONB jsonb(AssistantConfig config) {
        return JSONB.valueOf(json.writeValueAsString(config));
    }
}
