package com.frontline.shared;

import java.util.UUID;

/** Who did something, as recorded in the audit log: a person, or a job of the app acting by itself. */
public record Actor(UUID userId, String email) {

    private static final UUID NOBODY = new UUID(0, 0);

    /** A job acting by itself (the rollout guard, a scheduled clean-up), named as the audit log shows it. */
    public static Actor automatic(String name) {
        return new Actor(NOBODY, name);
    }

    /** Whether this is a job of the app rather than a person. */
    public boolean isAutomatic() {
        return NOBODY.equals(userId);
    }
}
