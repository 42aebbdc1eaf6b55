package com.frontline.llm.internal;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/** The add/edit provider form; a blank API key keeps the stored one. */
public record ProviderForm(@Nullable UUID id, @Nullable ProviderKind kind, @Nullable String label,
                           @Nullable String baseUrl, @Nullable String apiKey, @Nullable String defaultModel,
                           @Nullable String cheapModel, @Nullable String strongModel,
                           @Nullable String longContextModel, @Nullable String timeoutSeconds,
                           boolean supportsTools, boolean enabled) {

    public static ProviderForm blank(ProviderKind kind) {
        return new ProviderForm(null, kind, "", "", "", "", "", "", "", "30", kind.toolsByDefault(), true);
    }

    public static ProviderForm of(ProviderConfig p) {
        return new ProviderForm(p.id(), p.kind(), p.label(), p.baseUrl() == null ? "" : p.baseUrl(), "",
                p.defaultModel(), orEmpty(p.cheapModel()), orEmpty(p.strongModel()), orEmpty(p.longContextModel()),
                String.valueOf(p.timeout().toSeconds()), p.supportsTools(), p.enabled());
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
