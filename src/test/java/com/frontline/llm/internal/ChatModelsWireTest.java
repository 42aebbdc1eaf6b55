package com.frontline.llm.internal;

import com.frontline.llm.AnswerRequest;
import com.frontline.llm.FakeProviderServer;
import com.frontline.llm.Source;
import com.frontline.shared.TenantId;
import com.frontline.shared.outbound.OutboundGuard;
import com.frontline.shared.outbound.OutboundHttp;
import com.frontline.tenants.Persona;
import com.frontline.tenants.Tone;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static com.frontline.llm.FakeProviderServer.ANSWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The native provider clients as {@link ChatModels} configures them, against {@link FakeProviderServer}: each kind
 * reaches its real endpoint from its default base path, sends the decrypted key in its own header with the model and
 * the output limit, streams the answer with token usage, returns the handoff tool call, and fails fast on a 500 or a
 * server slower than the provider's timeout.
 */
class ChatModelsWireTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    static FakeProviderServer fake;

    final TenantId tenant = TenantId.of(UUID.randomUUID());
    final KeyCipher cipher = new KeyCipher(KeyCipherTest.randomKey());
    // the fake listens on 127.0.0.1, a private address the operator allows here as for an Ollama on the same host
    final ChatModels models = new ChatModels(cipher, OutboundHttp.of(OutboundGuard.of(false, List.of("127.0.0.1/32"),
            InetAddress::getAllByName)));

    static final Persona PERSONA = new Persona("Acme Assistant", Tone.FRIENDLY, null, "Hi!", "Sorry.", "en");
    static final List<Source> SOURCES = List.of(
            new Source(1, "Refunds", "Refunds are paid back to your card within five business days.", 0.9));

    @BeforeAll
    static void startFake() throws IOException {
        fake = new FakeProviderServer();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    /** Where each provider's API puts what we check, as its documentation describes the request. */
    record Wire(String endpoint, @Nullable String model, String maxTokens, @Nullable String stream, String system,
                String toolName, String toolRequired) {

        static Wire of(ProviderKind kind) {
            return switch (kind) {
                case ANTHROPIC -> new Wire("/v1/messages", "/model", "/max_tokens", "/stream", "/system/0/text",
                        "/tools/0/name", "/tools/0/input_schema/required/0");
                // the model is in the path and streaming is the endpoint itself
                case GEMINI -> new Wire("/v1beta/models/" + kind.suggestedModel() + ":streamGenerateContent", null,
                        "/generationConfig/maxOutputTokens", null, "/systemInstruction/parts/0/text",
                        "/tools/0/functionDeclarations/0/name",
                        "/tools/0/functionDeclarations/0/parameters/required/0");
                case MISTRAL -> new Wire("/v1/chat/completions", "/model", "/max_tokens", "/stream",
                        "/messages/0/content/0/text", "/tools/0/function/name",
                        "/tools/0/function/parameters/required/0");
                case OLLAMA -> new Wire("/api/chat", "/model", "/options/num_predict", "/stream",
                        "/messages/0/content", "/tools/0/function/name", "/tools/0/function/parameters/required/0");
                case OPENAI, OPENAI_COMPATIBLE -> throw new IllegalArgumentException("covered by AssistantGatewayTest");
            };
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"ANTHROPIC", "GEMINI", "MISTRAL", "OLLAMA"})
    void streamsTheAnswerInOrderAndReportsTokenUsage(ProviderKind kind) throws Exception {
        Stream stream = chat(provider(kind, "ok", "sk-test-key-1234"), TIMEOUT, false);

        ChatResponse response = stream.await();

        assertThat(stream.tokens).containsExactly("Refunds ", "take ", "five ", "business ", "days ", "[1].");
        assertThat(String.join("", stream.tokens)).isEqualTo(ANSWER);
        assertThat(response.aiMessage().text()).isEqualTo(ANSWER);
        assertThat(response.aiMessage().hasToolExecutionRequests()).isFalse();
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(FakeProviderServer.TOKENS_IN);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(FakeProviderServer.TOKENS_OUT);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"ANTHROPIC", "GEMINI", "MISTRAL", "OLLAMA"})
    void theDefaultBasePathLeadsToTheProvidersStreamingEndpoint(ProviderKind kind) throws Exception {
        chat(provider(kind, "ok", "sk-test-key-1234"), TIMEOUT, false).await();

        FakeProviderServer.Request request = fake.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(Wire.of(kind).endpoint());
        if (kind == ProviderKind.GEMINI) {
            assertThat(request.query()).isEqualTo("alt=sse");
        }
        assertThat(request.header("Content-Type")).startsWith("application/json");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"ANTHROPIC", "GEMINI", "MISTRAL", "OLLAMA"})
    void aBaseUrlTypedWithATrailingSlashReachesTheSameEndpoint(ProviderKind kind) throws Exception {
        ProviderConfig p = provider(kind, "ok", "sk-test-key-1234");
        p = withBaseUrl(p, p.effectiveBaseUrl() + "/");

        chat(p, TIMEOUT, false).await();

        assertThat(fake.lastRequest().path()).isEqualTo(Wire.of(kind).endpoint());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"ANTHROPIC", "GEMINI", "MISTRAL", "OLLAMA"})
    void sendsTheDecryptedKeyInTheProvidersOwnHeader(ProviderKind kind) throws Exception {
        String key = "sk-" + kind.key() + "-" + UUID.randomUUID();

        chat(provider(kind, "ok", key), TIMEOUT, false).await();

        FakeProviderServer.Request request = fake.lastRequest();
        switch (kind) {
            case ANTHROPIC -> {
                assertThat(request.header("x-api-key")).isEqualTo(key);
                assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
                assertThat(request.header("Authorization")).isNull();
            }
            case GEMINI -> {
                assertThat(request.header("x-goog-api-key")).isEqualTo(key);
                assertThat(request.query()).doesNotContain(key); // a key in the URL ends up in logs
            }
            case MISTRAL, OLLAMA -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + key);
            default -> throw new IllegalArgumentException(kind.name());
        }
        assertThat(request.body()).doesNotContain(key);
    }

    @Test
    void anOllamaServerWithoutAKeyGetsNoAuthorizationHeader() throws Exception {
        chat(provider(ProviderKind.OLLAMA, "ok", null), TIMEOUT, false).await();

        assertThat(fake.lastRequest().header("Authorization")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"ANTHROPIC", "GEMINI", "MISTRAL", "OLLAMA"})
    void sendsTheModelTheOutputLimitAndTheSystemPrompt(ProviderKind kind) throws Exception {
        chat(provider(kind, "ok", "sk-test-key-1234"), TIMEOUT, false).await();

        Wire wire = Wire.of(kind);
        JsonNode body = JSON.readTree(fake.lastRequest().body());
        if (wire.model() != null) {
            assertThat(body.at(wire.model()).asString()).isEqualTo(kind.suggestedModel());
        }
        assertThat(body.at(wire.maxTokens()).asInt()).isEqualTo(ChatModels.MAX_OUTPUT_TOKENS);
        if (wire.stream() != null) {
            assertThat(body.at(wire.stream()).asBoolean()).isTrue();
        }
        assertThat(body.at(wire.system()).asString()).startsWith("You are Acme Assistant");
        assertThat(fake.lastRequest().body()).contains("<sources>").contains("How long do refunds take?");
        assertThat(body.path("tools").size()).isZero(); // absent, or an empty list (Ollama)
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"ANTHROPIC", "GEMINI", "MISTRAL", "OLLAMA"})
    void theHandoffToolIsDeclaredAndItsCallComesBackAsAToolRequest(ProviderKind kind) throws Exception {
        Stream stream = chat(provider(kind, "handoff", "sk-test-key-1234"), TIMEOUT, true);

        ChatResponse response = stream.await();

        Wire wire = Wire.of(kind);
        JsonNode body = JSON.readTree(fake.lastRequest().body());
        assertThat(body.at(wire.toolName()).asString()).isEqualTo(Prompts.HANDOFF_TOOL);
        assertThat(body.at(wire.toolRequired()).asString()).isEqualTo("reason");

        assertThat(response.aiMessage().toolExecutionRequests()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo(Prompts.HANDOFF_TOOL);
            assertThat(JSON.readTree(call.arguments()).get("reason").asString())
                    .isEqualTo(FakeProviderServer.HANDOFF_REASON);
        });
        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        assertThat(stream.tokens).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"ANTHROPIC", "GEMINI", "MISTRAL", "OLLAMA"})
    void aServerErrorReachesTheHandler(ProviderKind kind) {
        Stream stream = chat(provider(kind, "fail", "sk-test-key-1234"), TIMEOUT, false);

        assertThatThrownBy(stream::await).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(InternalServerException.class);
        assertThat(stream.tokens).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"ANTHROPIC", "GEMINI", "MISTRAL", "OLLAMA"})
    void aServerSlowerThanTheTimeoutFailsWithATimeout(ProviderKind kind) {
        Duration timeout = Duration.ofMillis(300);
        long start = System.nanoTime();
        Stream stream = chat(provider(kind, "slow", "sk-test-key-1234"), timeout, false);

        assertThatThrownBy(stream::await).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(dev.langchain4j.exception.TimeoutException.class);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(elapsedMs).isBetween(timeout.toMillis(), 2_500L);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** A provider on the fake, with the kind's default base path, as the admin would save it. */
    ProviderConfig provider(ProviderKind kind, String mode, @Nullable String key) {
        String basePath = URI.create(Objects.requireNonNull(kind.defaultBaseUrl())).getPath();
        return new ProviderConfig(UUID.randomUUID(), kind, kind.label(), fake.root(mode) + basePath,
                key == null ? null : cipher.encrypt(tenant, key), key == null ? null : KeyCipher.last4(key),
                kind.suggestedModel(), null, null, null, TIMEOUT, kind.toolsByDefault(), true, 0,
                OffsetDateTime.now());
    }

    static ProviderConfig withBaseUrl(ProviderConfig p, String baseUrl) {
        return new ProviderConfig(p.id(), p.kind(), p.label(), baseUrl, p.apiKeyCiphertext(), p.apiKeyLast4(),
                p.defaultModel(), p.cheapModel(), p.strongModel(), p.longContextModel(), p.timeout(),
                p.supportsTools(), p.enabled(), p.priority(), p.updatedAt());
    }

    /** Sends the app's real answer prompt, as the chain does. */
    Stream chat(ProviderConfig p, Duration timeout, boolean offerHandoff) {
        StreamingChatModel model = models.build(tenant, p, p.defaultModel(), timeout);
        ChatRequest.Builder request = ChatRequest.builder().messages(Prompts.answer(new AnswerRequest(tenant,
                UUID.randomUUID(), PERSONA, List.of(), "How long do refunds take?", SOURCES), 10));
        if (offerHandoff) {
            request.toolSpecifications(Prompts.HANDOFF);
        }
        Stream stream = new Stream();
        model.chat(request.build(), stream);
        return stream;
    }

    static final class Stream implements StreamingChatResponseHandler {

        final List<String> tokens = new CopyOnWriteArrayList<>();
        final CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        @Override
        public void onPartialResponse(String partialResponse) {
            tokens.add(partialResponse);
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            done.complete(response);
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }

        /** The complete response; a hang fails the test after 5 s rather than blocking the suite. */
        ChatResponse await() throws Exception {
            return done.get(5, TimeUnit.SECONDS);
        }
    }
}
