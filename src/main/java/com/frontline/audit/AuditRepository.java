package com.frontline.audit;

import com.frontline.shared.Actor;
import com.frontline.shared.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.util.List;

import static com.frontline.db.audit.Tables.ENTRIES;

@Repository
class AuditRepository {

    private final DSLContext dsl;

    AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(TenantId tenant, Actor actor, String action, @Nullable String target, @Nullable String before,
                @Nullable String after) {
        dsl.insertInto(ENTRIES)
                .set(ENTRIES.TENANT_ID, tenant.value())
                .set(ENTRIES.ACTOR_ID, actor.isAutomatic() ? null : actor.userId())
                .set(ENTRIES.ACTOR_EMAIL, actor.email())
                .set(ENTRIES.ACTION, action)
                .set(ENTRIES.TARGET, target)
                .set(ENTRIES.BEFORE, before == null ? null : JSONB.valueOf(before))
                .set(ENTRIES.AFTER, after == null ? null : JSONB.valueOf(after))
                .execute();
    }

    /** The areas (the part of the action before the dot) the workspace's entries have. */
    List<String> areas(TenantId tenant) {
        var area = org.jooq.impl.DSL.splitPart(ENTRIES.ACTION, ".", 1);
        return dsl.selectDistinct(area)
                .from(ENTRIES)
                .where(ENTRIES.TENANT_ID.eq(tenant.value()))
                .fetch(r -> r.value1());
    }

    List<AuditEntry> find(TenantId tenant, @Nullable Long beforeId, @Nullable String actionPrefix, int limit) {
        Condition condition = ENTRIES.TENANT_ID.eq(tenant.value());
        if (beforeId != null) {
            condition = condition.and(ENTRIES.ID.lt(beforeId));
        }
        if (actionPrefix != null && !actionPrefix.isBlank()) {
            condition = condition.and(ENTRIES.ACTION.startsWith(actionPrefix));
        }
        // @formatter:off
        return dsl.select(ENTRIES.ID, ENTRIES.AT, ENTRIES.ACTOR_EMAIL, ENTRIES.ACTION, ENTRIES.TARGET,
                        ENTRIES.BEFORE.cast(String.class), ENTRIES.AFTER.cast(String.class))
                .from(ENTRIES)
                .where(condition)
                .orderBy(ENTRIES.ID.desc())
                .limit(limit)
                .fetch(r -> new AuditEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7()));
        // @formatter:on
    }
}
