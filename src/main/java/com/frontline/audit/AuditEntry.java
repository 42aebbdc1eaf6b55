package com.frontline.audit;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;

public record AuditEntry(long id, OffsetDateTime at, @Nullable String actorEmail, String action,
                         @Nullable String target, @Nullable String before, @Nullable String after) {

    /** One named value of the state before or after the change. */
    public record Field(String name, String value) {
    }

    public String label() {
        return AuditActions.label(action);
    }

    public java.util.List<Field> beforeFields() {
        return AuditValues.fields(before);
    }

    public java.util.List<Field> afterFields() {
        return AuditValues.fields(after);
    }
}
