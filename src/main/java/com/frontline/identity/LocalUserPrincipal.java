package com.frontline.identity;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;


/** A user who signed in with e-mail and password. */
final class LocalUserPrincipal extends User implements FrontlinePrincipal {

    private final UserAccount account;

    LocalUserPrincipal(UserAccount account, String passwordHash) {
        super(account.email(), passwordHash, AuthorityUtils.createAuthorityList("ROLE_USER"));
        this.account = account;
    }

    @Override
    public UserAccount account() {
        return account;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalUserPrincipal other && other.account.id().equals(account.id());
    }

    @Override
    public int hashCode() {
        return account.id().hashCode();
    }
}
