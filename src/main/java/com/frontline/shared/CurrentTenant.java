package com.frontline.shared;

import java.util.UUID;

/**
 * The workspace of the current request, resolved from the URL's slug and checked against the signed-in user's
 * membership. Controllers receive it as a handler argument; it is never built from form fields.
 */
public record CurrentTenant(TenantId id, String slug, String name, Role role, UUID userId, String userEmail) {

    public Actor actor() {
        return new Actor(userId, userEmail);
    }

    public boolean can(Role required) {
        return role.atLeast(required);
    }
}
