package com.frontline.identity;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;

import java.util.UUID;

/** A user who signed in with e-mail and password. */
final class LocalUserPrincipal extends User implements FrontlinePrincipal {

    private final UUID userId;
    private final String displayName;

    LocalUserPrincipal(UserAccount account, String passwordHash) {
        super(account.email(), passwordHash, AuthorityUtils.createAuthorityList("ROLE_USER"));
        this.userId = account.id();
        this.displayName = account.displayName();
    }

    @Override
    public UUID userId() {
        return userId;
    }

    @Override
    public String email() {
        return getUsername();
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalUserPrincipal other && other.userId.equals(userId);
    }

    @Override
    public int hashCode() {
        return userId.hashCode();
    }
}
