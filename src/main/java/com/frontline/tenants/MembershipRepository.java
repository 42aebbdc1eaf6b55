package com.frontline.tenants;

import com.frontline.shared.Role;
import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.frontline.db.tenants.Tables.MEMBERSHIPS;

@Repository
class MembershipRepository {

    private final DSLContext dsl;

    MembershipRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    boolean insert(TenantId tenant, UUID userId, Role role) {
        return dsl.insertInto(MEMBERSHIPS)
                .set(MEMBERSHIPS.TENANT_ID, tenant.value())
                .set(MEMBERSHIPS.USER_ID, userId)
                .set(MEMBERSHIPS.ROLE, role.name())
                .onConflictDoNothing()
                .execute() == 1;
    }

    record Membership(UUID userId, Role role, OffsetDateTime joinedAt) {
    }

    List<Membership> memberships(TenantId tenant) {
        return dsl.select(MEMBERSHIPS.USER_ID, MEMBERSHIPS.ROLE, MEMBERSHIPS.CREATED_AT)
                .from(MEMBERSHIPS)
                .where(MEMBERSHIPS.TENANT_ID.eq(tenant.value()))
                .orderBy(MEMBERSHIPS.CREATED_AT, MEMBERSHIPS.USER_ID)
                .fetch(r -> new Membership(r.value1(), Role.valueOf(r.value2()), r.value3()));
    }

    Optional<Membership> find(TenantId tenant, UUID userId) {
        return dsl.select(MEMBERSHIPS.USER_ID, MEMBERSHIPS.ROLE, MEMBERSHIPS.CREATED_AT)
                .from(MEMBERSHIPS)
                .where(MEMBERSHIPS.TENANT_ID.eq(tenant.value()), MEMBERSHIPS.USER_ID.eq(userId))
                .fetchOptional(r -> new Membership(r.value1(), Role.valueOf(r.value2()), r.value3()));
    }

    /**
     * Locks the workspace's owner rows for the rest of the transaction, so that two admins removing the last two
     * owners at the same moment cannot both succeed.
     */
    int lockOwners(TenantId tenant) {
        return dsl.select(MEMBERSHIPS.USER_ID)
                .from(MEMBERSHIPS)
                .where(MEMBERSHIPS.TENANT_ID.eq(tenant.value()), MEMBERSHIPS.ROLE.eq(Role.OWNER.name()))
                .forUpdate()
                .fetch()
                .size();
    }

    void updateRole(TenantId tenant, UUID userId, Role role) {
        dsl.update(MEMBERSHIPS)
                .set(MEMBERSHIPS.ROLE, role.name())
                .where(MEMBERSHIPS.TENANT_ID.eq(tenant.value()), MEMBERSHIPS.USER_ID.eq(userId))
                .execute();
    }

    void delete(TenantId tenant, UUID userId) {
        dsl.deleteFrom(MEMBERSHIPS)
                .where(MEMBERSHIPS.TENANT_ID.eq(tenant.value()), MEMBERSHIPS.USER_ID.eq(userId))
                .execute();
    }
}
