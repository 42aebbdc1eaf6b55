package com.frontline.assistants;

import com.frontline.llm.ModelSettings;
import com.frontline.search.Fusion;
import com.frontline.search.RetrievalSettings;
import com.frontline.tenants.Persona;
import com.frontline.tenants.Tone;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything that decides how the assistant answers, as one immutable value: the persona and prompt instructions,
 * the routing rules, the providers in failover order with the model of each route, the retrieval settings and the
 * confidence threshold. A published version stores one as JSON (this record's shape, component by component), so
 * its parts are this module's own records rather than the owning modules' types, which may change.
 * <p>
 * Not part of it, because they apply to every version at once: providers' API keys, addresses and timeouts, the
 * monthly budget and prices, the handoff settings and webhook, the allowed websites, the verified-answer threshold.
 */
public record AssistantConfig(Routing routing, List<Provider> providers, Prompt prompt, Retrieval retrieval,
                              double confidenceThreshold) {

    public AssistantConfig {
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(retrieval, "retrieval");
        providers = List.copyOf(providers);
        if (!(confidenceThreshold >= 0 && confidenceThreshold <= 1)) {
            throw new IllegalArgumentException("confidenceThreshold must be between 0 and 1, was "
                    + confidenceThreshold);
        }
    }

    /** Routing by complexity (see {@link ModelSettings.Routing}). */
    public record Routing(boolean enabled, int simpleMaxScore, int complexMinScore, int longContextChars) {
    }

    /**
     * One provider of the failover chain, referenced by id (its key and address stay with the provider), with the
     * name and type it had, for display, and its model per route (null: the default model).
     */
    public record Provider(UUID id, String kind, String label, String defaultModel, @Nullable String cheapModel,
                           @Nullable String strongModel, @Nullable String longContextModel, boolean handoffTool) {
    }

    /** The persona: how the assistant presents itself, writes, and what it says when it is not sure. */
    public record Prompt(String assistantName, String tone, @Nullable String customInstructions, String greeting,
                         String fallbackMessage, String language) {
    }

    /** The retrieval knobs (see {@link RetrievalSettings}). */
    public record Retrieval(String fusion, double bm25Weight, int topK, int candidates, double minScore) {
    }

    /** The configuration made of the owning modules' settings. */
    public static AssistantConfig of(Persona persona, RetrievalSettings retrieval, ModelSettings models,
                                     double confidenceThreshold) {
        ModelSettings.Routing r = models.routing();
        return new AssistantConfig(
                new Routing(r.enabled(), r.simpleMaxScore(), r.complexMinScore(), r.longContextChars()),
                models.providers().stream().map(c -> new Provider(c.providerId(), c.kind(), c.label(),
                        c.defaultModel(), c.cheapModel(), c.strongModel(), c.longContextModel(), c.handoffTool()))
                        .toList(),
                new Prompt(persona.assistantName(), persona.tone().name(), persona.customInstructions(),
                        persona.greeting(), persona.fallbackMessage(), persona.language()),
                new Retrieval(retrieval.fusion().name(), retrieval.bm25Weight(), retrieval.topK(),
                        retrieval.candidates(), retrieval.minScore()),
                confidenceThreshold);
    }

    /** The same configuration with another confidence threshold (a share from 0 to 1). */
    public AssistantConfig withConfidenceThreshold(double threshold) {
        return new AssistantConfig(routing, providers, prompt, retrieval, threshold);
    }

    /** The persona, for the chat and the prompts. */
    public Persona persona() {
        return new Persona(prompt.assistantName(), Tone.valueOf(prompt.tone()), prompt.customInstructions(),
                prompt.greeting(), prompt.fallbackMessage(), prompt.language());
    }

    /** The retrieval settings, for the knowledge search. */
    public RetrievalSettings retrievalSettings() {
        return new RetrievalSettings(Fusion.valueOf(retrieval.fusion()), retrieval.bm25Weight(), retrieval.topK(),
                retrieval.candidates(), retrieval.minScore());
    }

    /** The routing rules and providers, for the model gateway. */
    public ModelSettings modelSettings() {
        return new ModelSettings(new ModelSettings.Routing(routing.enabled(), routing.simpleMaxScore(),
                routing.complexMinScore(), routing.longContextChars()),
                providers.stream().map(p -> new ModelSettings.Choice(p.id(), p.kind(), p.label(), p.defaultModel(),
                        p.cheapModel(), p.strongModel(), p.longContextModel(), p.handoffTool())).toList());
    }
}
