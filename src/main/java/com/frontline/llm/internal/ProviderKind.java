package com.frontline.llm.internal;

import org.jspecify.annotations.Nullable;

import java.util.Locale;

/**
 * The providers the app can talk to, with what each needs and the models it suggests. Any server that speaks the
 * OpenAI chat-completions API (vLLM, LM Studio, LiteLLM, Together, Groq, Azure's v1 endpoint ...) is
 * {@link #OPENAI_COMPATIBLE}.
 */
public enum ProviderKind {
    OPENAI("OpenAI", "https://api.openai.com/v1", true, false, true,
            "gpt-4.1-mini", "gpt-4.1-nano", "gpt-4.1", "gpt-4.1"),
    ANTHROPIC("Anthropic", "https://api.anthropic.com/v1", true, false, true,
            "claude-haiku-4-5", "claude-haiku-4-5", "claude-sonnet-4-5", "claude-sonnet-4-5"),
    GEMINI("Google Gemini", "https://generativelanguage.googleapis.com/v1beta", true, false, true,
            "gemini-2.5-flash", "gemini-2.5-flash-lite", "gemini-2.5-pro", "gemini-2.5-pro"),
    MISTRAL("Mistral", "https://api.mistral.ai/v1", true, false, true,
            "mistral-small-latest", "mistral-small-latest", "mistral-large-latest", "mistral-medium-latest"),
    OLLAMA("Ollama (self-hosted)", "http://127.0.0.1:11434", false, false, false,
            "llama3.1", "llama3.2", "llama3.1", "llama3.1"),
    OPENAI_COMPATIBLE("OpenAI-compatible endpoint", null, false, true, true,
            "", "", "", "");

    private final String label;
    private final @Nullable String defaultBaseUrl;
    private final boolean keyRequired;
    private final boolean baseUrlRequired;
    private final boolean toolsByDefault;
    private final String suggestedModel;
    private final String suggestedCheapModel;
    private final String suggestedStrongModel;
    private final String suggestedLongContextModel;

    ProviderKind(String label, @Nullable String defaultBaseUrl, boolean keyRequired, boolean baseUrlRequired,
                 boolean toolsByDefault, String suggestedModel, String suggestedCheapModel,
                 String suggestedStrongModel, String suggestedLongContextModel) {
        this.label = label;
        this.defaultBaseUrl = defaultBaseUrl;
        this.keyRequired = keyRequired;
        this.baseUrlRequired = baseUrlRequired;
        this.toolsByDefault = toolsByDefault;
        this.suggestedModel = suggestedModel;
        this.suggestedCheapModel = suggestedCheapModel;
        this.suggestedStrongModel = suggestedStrongModel;
        this.suggestedLongContextModel = suggestedLongContextModel;
    }

    public String label() {
        return label;
    }

    public @Nullable String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public boolean keyRequired() {
        return keyRequired;
    }

    public boolean baseUrlRequired() {
        return baseUrlRequired;
    }

    public boolean toolsByDefault() {
        return toolsByDefault;
    }

    public String suggestedModel() {
        return suggestedModel;
    }

    public String suggestedCheapModel() {
        return suggestedCheapModel;
    }

    public String suggestedStrongModel() {
        return suggestedStrongModel;
    }

    public String suggestedLongContextModel() {
        return suggestedLongContextModel;
    }

    /** Self-hosted models cost nothing per token. */
    public boolean local() {
        return this == OLLAMA;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
