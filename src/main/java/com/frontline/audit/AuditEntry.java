package com.frontline.audit;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;

public record AuditEntry(long id, OffsetDateTime at, @Nullable String actorEmail, String action,
                         @Nullable String target, @Nullable String before, @Nullable String after) {

    public String label() {
        return AuditActions.label(action);
    }
}
