package com.frontline.identity;

import java.util.UUID;

/** The signed-in person, however they signed in (password or an OAuth2/OIDC provider). */
public interface FrontlinePrincipal {

    UUID userId();

    String email();

    String displayName();
}
