package com.frontline.tenants;

import com.frontline.db.tenants.tables.records.InvitationsRecord;
import com.frontline.shared.Role;
import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.frontline.db.tenants.Tables.INVITATIONS;

@Repository
class InvitationRepository {

    private final DSLContext dsl;

    InvitationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(TenantId tenant, UUID id, String email, Role role, String tokenHash, UUID invitedBy,
                OffsetDateTime expiresAt) {
        dsl.insertInto(INVITATIONS)
                .set(INVITATIONS.ID, id)
                .set(INVITATIONS.TENANT_ID, tenant.value())
                .set(INVITATIONS.EMAIL, email)
                .set(INVITATIONS.ROLE, role.name())
                .set(INVITATIONS.TOKEN_HASH, tokenHash)
                .set(INVITATIONS.INVITED_BY, invitedBy)
                .set(INVITATIONS.EXPIRES_AT, expiresAt)
                .execute();
    }

    List<Invitation> recent(TenantId tenant, int limit) {
        return dsl.selectFrom(INVITATIONS)
                .where(INVITATIONS.TENANT_ID.eq(tenant.value()))
                .orderBy(INVITATIONS.CREATED_AT.desc())
                .limit(limit)
                .fetch(InvitationRepository::toInvitation);
    }

    Optional<Invitation> find(TenantId tenant, UUID id) {
        return dsl.selectFrom(INVITATIONS)
                .where(INVITATIONS.TENANT_ID.eq(tenant.value()), INVITATIONS.ID.eq(id))
                .fetchOptional(InvitationRepository::toInvitation);
    }

    boolean pendingExists(TenantId tenant, String email) {
        return dsl.fetchExists(INVITATIONS, INVITATIONS.TENANT_ID.eq(tenant.value()), INVITATIONS.EMAIL.eq(email),
                INVITATIONS.ACCEPTED_AT.isNull(), INVITATIONS.REVOKED_AT.isNull(),
                INVITATIONS.EXPIRES_AT.gt(OffsetDateTime.now()));
    }

    boolean revoke(TenantId tenant, UUID id) {
        return dsl.update(INVITATIONS)
                .set(INVITATIONS.REVOKED_AT, OffsetDateTime.now())
                .where(INVITATIONS.TENANT_ID.eq(tenant.value()), INVITATIONS.ID.eq(id),
                        INVITATIONS.ACCEPTED_AT.isNull(), INVITATIONS.REVOKED_AT.isNull())
                .execute() == 1;
    }

    record TokenMatch(TenantId tenant, Invitation invitation) {
    }

    /** Lookup by the secret in the link, across workspaces by nature: whoever holds the token learns one invite. */
    Optional<TokenMatch> findByTokenHash(String tokenHash) {
        return dsl.selectFrom(INVITATIONS)
                .where(INVITATIONS.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(r -> new TokenMatch(TenantId.of(r.getTenantId()), toInvitation(r)));
    }

    /** Single use, enforced by the row itself: only one caller can flip a pending invitation to accepted. */
    boolean markAccepted(TenantId tenant, UUID id, UUID userId) {
        return dsl.update(INVITATIONS)
                .set(INVITATIONS.ACCEPTED_AT, OffsetDateTime.now())
                .set(INVITATIONS.ACCEPTED_BY, userId)
                .where(INVITATIONS.TENANT_ID.eq(tenant.value()), INVITATIONS.ID.eq(id),
                        INVITATIONS.ACCEPTED_AT.isNull(), INVITATIONS.REVOKED_AT.isNull(),
                        INVITATIONS.EXPIRES_AT.gt(OffsetDateTime.now()))
                .execute() == 1;
    }

    private static Invitation toInvitation(InvitationsRecord r) {
        return new Invitation(r.getId(), r.getEmail(), Role.valueOf(r.getRole()), r.getCreatedAt(),
                r.getExpiresAt(), r.getAcceptedAt(), r.getRevokedAt());
    }
}
