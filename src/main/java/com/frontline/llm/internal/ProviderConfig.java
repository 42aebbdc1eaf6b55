package com.frontline.llm.internal;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One provider a workspace configured; the API key stays encrypted until a model is built. */
public record ProviderConfig(UUID id, ProviderKind kind, String label, @Nullable String baseUrl,
                             byte @Nullable [] apiKeyCiphertext, @Nullable String apiKeyLast4, String defaultModel,
                             @Nullable String cheapModel, @Nullable String strongModel,
                             @Nullable String longContextModel, Duration timeout, boolean supportsTools,
                             boolean enabled, int priority, OffsetDateTime updatedAt) {

    /** The model this provider uses for a route; a route without its own model uses the default one. */
    public String modelFor(Route route) {
        String chosen = switch (route) {
            case SIMPLE, BUDGET -> cheapModel;
            case COMPLEX -> strongModel;
            case LONG_CONTEXT -> longContextModel != null ? longContextModel : strongModel;
            case DEFAULT, OFFLINE -> null;
        };
        return chosen == null || chosen.isBlank() ? defaultModel : chosen;
    }

    public String effectiveBaseUrl() {
        String url = baseUrl != null && !baseUrl.isBlank() ? baseUrl : kind.defaultBaseUrl();
        return url == null ? "" : url;
    }

    public boolean hasKey() {
        return apiKeyCiphertext != null;
    }
}
