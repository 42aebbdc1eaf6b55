package com.frontline.identity;

import org.jooq.DSLContext;
import org.jooq.Record4;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static com.frontline.db.identity.Tables.USERS;
import static com.frontline.db.identity.Tables.USER_IDENTITIES;

/** Users are global (one person, many workspaces), so these queries are not tenant-scoped by design. */
@Repository
class UserRepository {

    private final DSLContext dsl;

    UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<UserAccount> findById(UUID id) {
        return dsl.select(USERS.ID, USERS.EMAIL, USERS.DISPLAY_NAME, USERS.PASSWORD_HASH)
                .from(USERS)
                .where(USERS.ID.eq(id))
                .fetchOptional(UserRepository::toAccount);
    }

    java.util.List<UserAccount> findAll(java.util.Collection<UUID> ids) {
        return dsl.select(USERS.ID, USERS.EMAIL, USERS.DISPLAY_NAME, USERS.PASSWORD_HASH)
                .from(USERS)
                .where(USERS.ID.in(ids))
                .fetch(UserRepository::toAccount);
    }

    Optional<UserAccount> findByEmail(String email) {
        return dsl.select(USERS.ID, USERS.EMAIL, USERS.DISPLAY_NAME, USERS.PASSWORD_HASH)
                .from(USERS)
                .where(USERS.EMAIL.eq(email))
                .fetchOptional(UserRepository::toAccount);
    }

    Optional<String> passwordHash(String email) {
        return dsl.select(USERS.PASSWORD_HASH).from(USERS).where(USERS.EMAIL.eq(email)).fetchOptional(USERS.PASSWORD_HASH);
    }

    Optional<UUID> findByIdentity(String provider, String subject) {
        return dsl.select(USER_IDENTITIES.USER_ID)
                .from(USER_IDENTITIES)
                .where(USER_IDENTITIES.PROVIDER.eq(provider), USER_IDENTITIES.SUBJECT.eq(subject))
                .fetchOptional(USER_IDENTITIES.USER_ID);
    }

    /** Inserts unless the e-mail is taken; returns whether it inserted. */
    boolean insert(UUID id, String email, String displayName, String passwordHash) {
        return dsl.insertInto(USERS)
                .set(USERS.ID, id)
                .set(USERS.EMAIL, email)
                .set(USERS.DISPLAY_NAME, displayName)
                .set(USERS.PASSWORD_HASH, passwordHash)
                .onConflict(USERS.EMAIL).doNothing()
                .execute() == 1;
    }

    void linkIdentity(String provider, String subject, UUID userId) {
        dsl.insertInto(USER_IDENTITIES)
                .set(USER_IDENTITIES.PROVIDER, provider)
                .set(USER_IDENTITIES.SUBJECT, subject)
                .set(USER_IDENTITIES.USER_ID, userId)
                .onConflictDoNothing()
                .execute();
    }

    void touchLogin(UUID userId) {
        dsl.update(USERS).set(USERS.LAST_LOGIN_AT, OffsetDateTime.now()).where(USERS.ID.eq(userId)).execute();
    }

    private static UserAccount toAccount(Record4<UUID, String, String, String> r) {
        return new UserAccount(r.value1(), r.value2(), r.value3(), r.value4() != null);
    }
}
