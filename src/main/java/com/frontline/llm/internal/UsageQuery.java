package com.frontline.llm.internal;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * What the usage dashboard shows: the UTC days {@code from} … {@code to} (inclusive), optionally one provider (its
 * name as recorded) and one model.
 */
public record UsageQuery(LocalDate from, LocalDate to, @Nullable String provider, @Nullable String model) {

    public boolean matches(String p, String m) {
        return (provider == null || provider.equals(p)) && (model == null || model.equals(m));
    }
}
