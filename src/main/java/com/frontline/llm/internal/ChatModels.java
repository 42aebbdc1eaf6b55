package com.frontline.llm.internal;

import com.frontline.shared.TenantId;
import com.frontline.shared.outbound.OutboundHttp;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the LangChain4j streaming model for a provider and model name, and keeps it (with its HTTP client) for the
 * next request. Every model's HTTP client goes through the outbound guard ({@link GuardedHttpClient}). Keyed by workspace, provider, the provider's last change and the model, so an edited provider gets a
 * new model and one workspace's model (and key) is never used for another.
 */
@Component
public class ChatModels {

    /** Longest answer a model may write. */
    static final int MAX_OUTPUT_TOKENS = 1024;

    private record Key(TenantId tenant, UUID provider, OffsetDateTime version, String model, Duration timeout) {
    }

    private final Map<Key, StreamingChatModel> cache = new ConcurrentHashMap<>();
    private final KeyCipher cipher;
    private final OutboundHttp outbound;

    ChatModels(KeyCipher cipher, OutboundHttp outbound) {
        this.cipher = cipher;
        this.outbound = outbound;
    }

    public StreamingChatModel model(TenantId tenant, ProviderConfig provider, String modelName, Duration timeout) {
        return cache.computeIfAbsent(new Key(tenant, provider.id(), provider.updatedAt(), modelName, timeout),
                k -> build(tenant, provider, modelName, timeout));
    }

    /** Drops the models of a changed or deleted provider. */
    public void evict(TenantId tenant, UUID providerId) {
        cache.keySet().removeIf(k -> k.tenant().equals(tenant) && k.provider().equals(providerId));
    }

    StreamingChatModel build(TenantId tenant, ProviderConfig p, String modelName, Duration timeout) {
        byte[] sealed = p.apiKeyCiphertext();
        String apiKey = sealed == null ? "" : cipher.decrypt(tenant, sealed);
        // the Gemini client appends "/models/..." as is, so "…/v1beta/" would ask for "…/v1beta//models/..."
        String baseUrl = p.effectiveBaseUrl().replaceAll("/+$", "");
        return switch (p.kind()) {
            case OPENAI, OPENAI_COMPATIBLE -> OpenAiStreamingChatModel.builder()
                    .httpClientBuilder(GuardedHttpClient.builder(outbound))
                    .baseUrl(baseUrl)
                    // a self-hosted OpenAI-compatible server often needs no key, but the client sends one
                    .apiKey(apiKey.isEmpty() ? "none" : apiKey)
                    .modelName(modelName)
                    .timeout(timeout)
                    .maxTokens(MAX_OUTPUT_TOKENS)
                    .build();
            case ANTHROPIC -> AnthropicStreamingChatModel.builder()
                    .httpClientBuilder(GuardedHttpClient.builder(outbound))
                    .baseUrl(baseUrl)
                    .apiKey(apiKey)
                    .modelName(modelName)
                    .timeout(timeout)
                    .maxTokens(MAX_OUTPUT_TOKENS)
                    .build();
            case GEMINI -> GoogleAiGeminiStreamingChatModel.builder()
                    .httpClientBuilder(GuardedHttpClient.builder(outbound))
                    .baseUrl(baseUrl)
                    .apiKey(apiKey)
                    .modelName(modelName)
                    .timeout(timeout)
                    .maxOutputTokens(MAX_OUTPUT_TOKENS)
                    .build();
            case MISTRAL -> MistralAiStreamingChatModel.builder()
                    .httpClientBuilder(GuardedHttpClient.builder(outbound))
                    .baseUrl(baseUrl)
                    .apiKey(apiKey)
                    .modelName(modelName)
                    .timeout(timeout)
                    .maxTokens(MAX_OUTPUT_TOKENS)
                    .build();
            case OLLAMA -> OllamaStreamingChatModel.builder()
                    .httpClientBuilder(GuardedHttpClient.builder(outbound))
                    .baseUrl(baseUrl)
                    // Ollama itself takes no key, but one behind an authenticating proxy (or ollama.com) does
                    .customHeaders(apiKey.isEmpty() ? Map.of() : Map.of("Authorization", "Bearer " + apiKey))
                    .modelName(modelName)
                    .timeout(timeout)
                    .numPredict(MAX_OUTPUT_TOKENS)
                    .build();
        };
    }
}
