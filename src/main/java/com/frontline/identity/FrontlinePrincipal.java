package com.frontline.identity;

import java.util.UUID;

/** The signed-in person, however they signed in (password or an OAuth2/OIDC provider). */
public interface FrontlinePrincipal {

    UserAccount account();

    default UUID userId() {
        return account().id();
    }

    default String email() {
        return account().email();
    }

    default String displayName() {
        return account().displayName();
    }
}
