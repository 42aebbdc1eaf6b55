package com.frontline.shared;

import java.util.Objects;
import java.util.UUID;

/** The workspace every tenant-owned row, index document, cache key and log line is scoped to. */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    public static TenantId of(UUID value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
