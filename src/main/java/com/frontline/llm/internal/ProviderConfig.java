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

    /**
     * This provider as an assistant version uses it: the version's models and hand-over tool, in the version's place
     * of the chain; the connection (key, address, timeout) as saved now.
     */
    public ProviderConfig as(com.frontline.llm.ModelSettings.Choice choice, int place) {
        return new ProviderConfig(id, kind, label, baseUrl, apiKeyCiphertext, apiKeyLast4, choice.defaultModel(),
                choice.cheapModel(), choice.strongModel(), choice.longContextModel(), timeout, choice.handoffTool(),
                true, place, updatedAt);
    }

    /** What an assistant version keeps of this provider. */
    public com.frontline.llm.ModelSettings.Choice choice() {
        return new com.frontline.llm.ModelSettings.Choice(id, kind.name(), label, defaultModel, cheapModel, strongModel,
                longContextModel, supportsTools);
    }

    public String effectiveBaseUrl() {
        String url = baseUrl != null && !baseUrl.isBlank() ? baseUrl : kind.defaultBaseUrl();
        return url == null ? "" : url;
    }

    public boolean hasKey() {
        return apiKeyCiphertext != null;
    }
}
