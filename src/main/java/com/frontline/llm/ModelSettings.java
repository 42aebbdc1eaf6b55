package com.frontline.llm;

import com.frontline.llm.internal.ProviderKind;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What of a workspace's AI-provider settings decides an answer, as an assistant version keeps it: the routing rules
 * and the providers in failover order with the model of each route. A provider's connection (API key, base URL,
 * timeout), the monthly budget and the prices are not part of it: they stay with the workspace and apply to every
 * version at once; a provider is looked up by its id when a call is made, and a provider deleted since is skipped.
 *
 * @param providers the providers that answer, first tried first (an empty list: the offline answerer only)
 */
public record ModelSettings(Routing routing, List<Choice> providers) {

    public ModelSettings {
        Objects.requireNonNull(routing, "routing");
        providers = List.copyOf(providers);
    }

    /**
     * The routing rules: with routing on, a question's complexity score (0–100) picks the cheap, default, strongest
     * or long-context model.
     *
     * @param simpleMaxScore   a score at or below this goes to the cheap model
     * @param complexMinScore  a score at or above this goes to the strongest model
     * @param longContextChars history, sources and question this long go to the long-context model
     */
    public record Routing(boolean enabled, int simpleMaxScore, int complexMinScore, int longContextChars) {
    }

    /**
     * One provider of the failover chain and its model per route (a route without its own model uses the default).
     *
     * @param kind        the provider's type ({@code OPENAI}, {@code ANTHROPIC} …), for display
     * @param label       the provider's name when the settings were read, for display
     * @param handoffTool whether the model may call the hand-over-to-a-person tool
     */
    public record Choice(UUID providerId, String kind, String label, String defaultModel, @Nullable String cheapModel,
                         @Nullable String strongModel, @Nullable String longContextModel, boolean handoffTool) {
    }

    /**
     * A provider as people read its name: "OpenAI (Main)", or just "OpenAI" when the admin kept the type's name; a
     * type this version does not know shows as stored.
     */
    public static String displayName(String kind, String label) {
        String kindLabel = kind;
        for (ProviderKind k : ProviderKind.values()) {
            if (k.name().equals(kind)) {
                kindLabel = k.label();
            }
        }
        return label.equalsIgnoreCase(kindLabel) ? label : kindLabel + " (" + label + ")";
    }
}
