package com.frontline.llm.internal;

import com.frontline.llm.ModelSettings;
import com.frontline.llm.ProviderFailure;
import com.frontline.llm.TokenSink;
import com.frontline.shared.TenantId;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a request down the failover chain: the workspace's enabled providers in order, each with the model of the
 * route, each behind its own circuit breaker and time limit. The budget is checked before every hop: over it, the
 * rest of the chain becomes the single cheapest model; past the grace margin, nothing (the caller's offline answerer
 * takes over). Every hop, skipped ones included, leaves a usage record.
 */
@Component
public class ChainRunner {

    private static final Logger log = LoggerFactory.getLogger(ChainRunner.class);

    /**
     * What to run, for whom and why.
     *
     * @param models           the providers to run, in order, with their models (an assistant version's); null:
     *                         the workspace's enabled providers as saved
     * @param assistantVersion recorded with every hop; null for the draft or a test
     */
    public record Call(TenantId tenant, @Nullable UUID conversationId, Purpose purpose, Router.Decision decision,
                       Complexity complexity, List<ChatMessage> messages, boolean offerHandoffTool,
                       @Nullable ModelSettings models, @Nullable Integer assistantVersion) {

        public Call(TenantId tenant, @Nullable UUID conversationId, Purpose purpose, Router.Decision decision,
                    Complexity complexity, List<ChatMessage> messages, boolean offerHandoffTool) {
            this(tenant, conversationId, purpose, decision, complexity, messages, offerHandoffTool, null, null);
        }
    }

    public record Hop(ProviderConfig provider, String model) {
    }

    /** The answer of the hop that succeeded. */
    public record Success(ProviderConfig provider, String model, String text, boolean handoffRequested) {
    }

    /**
     * @param success    null when every hop failed, was skipped, or the budget allowed none
     * @param route      the route in force at the end (BUDGET or OFFLINE when the budget changed it)
     * @param hops       hops tried or skipped; the next record's hop number
     * @param failures   the hops that failed or were skipped, in order
     */
    public record Result(@Nullable Success success, Route route, String reason, boolean failedOver, int hops,
                         List<ProviderFailure> failures) {
    }

    record HopResult(Outcome outcome, String text, boolean handoff, int tokensIn, int tokensOut, int latencyMs,
                     boolean streamed, @Nullable String error) {
    }

    private final ProviderRepository providers;
    private final SettingsRepository settings;
    private final UsageRepository usage;
    private final BudgetGuard budget;
    private final Breakers breakers;
    private final ChatModels models;
    private final Duration idleTimeout;

    ChainRunner(ProviderRepository providers, SettingsRepository settings, UsageRepository usage, BudgetGuard budget,
                Breakers breakers, ChatModels models, LlmProperties properties) {
        this.providers = providers;
        this.settings = settings;
        this.usage = usage;
        this.budget = budget;
        this.breakers = breakers;
        this.models = models;
        this.idleTimeout = properties.streamIdleTimeout();
    }

    public List<ProviderConfig> enabledProviders(TenantId tenant) {
        return providers.findAll(tenant).stream().filter(ProviderConfig::enabled).toList();
    }

    /**
     * The chain a request runs: the given providers in their order with their models (each provider's connection as
     * saved now; one deleted since is left out), or with none given the workspace's enabled providers.
     */
    public List<ProviderConfig> chain(TenantId tenant, @Nullable ModelSettings models) {
        if (models == null) {
            return enabledProviders(tenant);
        }
        Map<UUID, ProviderConfig> saved = new HashMap<>();
        providers.findAll(tenant).forEach(p -> saved.put(p.id(), p));
        List<ProviderConfig> chain = new ArrayList<>();
        for (ModelSettings.Choice choice : models.providers()) {
            ProviderConfig p = saved.get(choice.providerId());
            if (p == null) {
                log.debug("[{}] provider {} ({}) was deleted: left out of the chain", tenant, choice.label(),
                        choice.providerId());
                continue;
            }
            chain.add(p.as(choice, chain.size() + 1));
        }
        return chain;
    }

    public Result run(Call call, TokenSink sink) {
        TenantId tenant = call.tenant();
        LlmSettings rules = settings.find(tenant);
        PriceTable prices = new PriceTable(settings.prices(tenant));
        List<ProviderConfig> enabled = chain(tenant, call.models());

        Route route = call.decision().route();
        String reason = call.decision().reason();
        Deque<Hop> queue = new ArrayDeque<>();
        for (ProviderConfig p : enabled) {
            queue.add(new Hop(p, p.modelFor(route)));
        }
        Set<UUID> tried = new HashSet<>();
        List<ProviderFailure> failures = new ArrayList<>();
        int hop = 0;
        boolean budgetMode = false;

        while (!queue.isEmpty()) {
            BudgetStatus status = budget.check(tenant, rules);
            if (status.exhausted()) {
                return new Result(null, Route.OFFLINE, "monthly budget of $%s used up ($%s spent): offline answerer"
                        .formatted(money(status.budgetUsd()), money(status.spentUsd())), hop > 0, hop, failures);
            }
            if (status.over() && !budgetMode) {
                budgetMode = true;
                reason = "monthly budget of $%s reached ($%s spent): cheapest model; was %s"
                        .formatted(money(status.budgetUsd()), money(status.spentUsd()), reason);
                queue = cheapest(tenant, enabled, tried, prices);
                route = Route.BUDGET;
                if (queue.isEmpty()) {
                    break;
                }
            }
            Hop next = queue.poll();
            tried.add(next.provider().id());
            CircuitBreaker breaker = breakers.of(tenant, next.provider().id());
            if (!breaker.tryAcquirePermission()) {
                record(call, next, route, reason, hop, new HopResult(Outcome.SKIPPED, "", false, 0, 0, 0, false,
                        "circuit open after repeated failures"), prices);
                failures.add(new ProviderFailure(name(next.provider()),
                        "skipped for a while after repeated failures."));
                hop++;
                continue;
            }
            HopResult result = execute(tenant, next, call.messages(), call.offerHandoffTool(), sink,
                    next.provider().timeout());
            if (result.outcome().success()) {
                breaker.onSuccess(result.latencyMs(), TimeUnit.MILLISECONDS);
            } else {
                breaker.onError(result.latencyMs(), TimeUnit.MILLISECONDS,
                        new IllegalStateException(result.outcome() + ": " + result.error()));
            }
            record(call, next, route, reason, hop, result, prices);
            if (result.outcome().success()) {
                return new Result(new Success(next.provider(), next.model(), result.text(), result.handoff()),
                        route, reason, hop > 0, hop + 1, failures);
            }
            failures.add(new ProviderFailure(name(next.provider()), String.valueOf(result.error())));
            log.info("[{}] {} / {} failed over ({}): {}", tenant, next.provider().label(), next.model(),
                    result.outcome(), result.error());
            if (result.streamed()) {
                sink.restart();
            }
            hop++;
        }
        return new Result(null, route, reason, hop > 0, hop, failures);
    }

    /** "OpenAI (Main)", or just "OpenAI" when the admin kept the provider's name. */
    static String name(ProviderConfig p) {
        return p.label().equalsIgnoreCase(p.kind().label()) ? p.label() : p.kind().label() + " (" + p.label() + ")";
    }

    /** Over budget: the single cheapest model not yet tried whose circuit is not open. */
    private Deque<Hop> cheapest(TenantId tenant, List<ProviderConfig> enabled, Set<UUID> tried, PriceTable prices) {
        Deque<Hop> queue = new ArrayDeque<>();
        enabled.stream()
                .filter(p -> !tried.contains(p.id()))
                .filter(p -> breakers.state(tenant, p.id()) != CircuitBreaker.State.OPEN)
                .map(p -> new Hop(p, p.modelFor(Route.BUDGET)))
                .min(Comparator.comparing((Hop h) -> prices.blended(h.provider().kind(), h.model()),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .ifPresent(queue::add);
        return queue;
    }

    /** One call to a provider's default model outside the chain (no breaker); recorded as a TEST. */
    HopResult test(TenantId tenant, ProviderConfig provider, Duration timeout) {
        Hop hop = new Hop(provider, provider.defaultModel());
        HopResult result = execute(tenant, hop, Prompts.connectionTest(), false, TokenSink.none(), timeout);
        PriceTable prices = new PriceTable(settings.prices(tenant));
        record(new Call(tenant, null, Purpose.TEST, new Router.Decision(Route.DEFAULT, "connection test"),
                new Complexity(0, List.of(), 0), List.of(), false), hop, Route.DEFAULT, "connection test", 0, result,
                prices);
        if (result.outcome().success()) {
            breakers.reset(tenant, provider.id());
        }
        return result;
    }

    HopResult execute(TenantId tenant, Hop hop, List<ChatMessage> messages, boolean offerTool, TokenSink sink,
                      Duration timeout) {
        HopHandler handler = new HopHandler(sink);
        long start = System.nanoTime();
        int promptTokens = estimateTokens(messages);
        try {
            StreamingChatModel model = models.model(tenant, hop.provider(), hop.model(), timeout);
            ChatRequest.Builder request = ChatRequest.builder().messages(messages);
            if (offerTool && hop.provider().supportsTools()) {
                request.toolSpecifications(Prompts.HANDOFF);
            }
            model.chat(request.build(), handler);
            ChatResponse response;
            try {
                response = handler.await(timeout, idleTimeout);
            } finally {
                handler.done.cancel(true);
            }
            boolean streamed = handler.abandon();
            int latency = millisSince(start);
            AiMessage ai = response.aiMessage();
            String text = ai == null || ai.text() == null ? handler.streamedText() : ai.text();
            boolean handoff = ai != null && ai.hasToolExecutionRequests() && ai.toolExecutionRequests().stream()
                    .map(ToolExecutionRequest::name).anyMatch(Prompts.HANDOFF_TOOL::equals);
            TokenUsage tokens = response.tokenUsage();
            int in = tokens != null && tokens.inputTokenCount() != null ? tokens.inputTokenCount() : promptTokens;
            int out = tokens != null && tokens.outputTokenCount() != null ? tokens.outputTokenCount()
                    : estimateTokens(text);
            if (response.finishReason() == null && !handoff) {
                return new HopResult(Outcome.ERROR, "", false, in, out, latency, streamed,
                        "the stream ended before the answer was complete");
            }
            if (text.isBlank() && !handoff) {
                return new HopResult(Outcome.EMPTY, "", false, in, out, latency, streamed,
                        "the model returned no text");
            }
            return new HopResult(Outcome.OK, text, handoff, in, out, latency, streamed, null);
        } catch (HopHandler.StalledException e) {
            boolean streamed = handler.abandon();
            return new HopResult(Outcome.TIMEOUT, "", false, 0, estimateTokens(handler.streamedText()),
                    millisSince(start), streamed,
                    "The stream stalled: no token for %s s.".formatted(seconds(e.idle)));
        } catch (TimeoutException e) {
            boolean streamed = handler.abandon();
            return new HopResult(Outcome.TIMEOUT, "", false, 0, estimateTokens(handler.streamedText()),
                    millisSince(start), streamed, "No complete answer within %s s.".formatted(seconds(timeout)));
        } catch (Exception e) {
            boolean streamed = handler.abandon();
            Throwable cause = unwrap(e);
            Outcome outcome = timedOut(e) ? Outcome.TIMEOUT : Outcome.ERROR;
            // the raw error (which may quote the provider's reply) stays in the server log, with the workspace
            log.debug("[{}] {} failed", tenant, hop.provider().label(), e);
            return new HopResult(outcome, "", false, 0, estimateTokens(handler.streamedText()),
                    millisSince(start), streamed, ProviderErrors.describe(cause, hop.provider()));
        }
    }

    private void record(Call call, Hop hop, Route route, String reason, int index, HopResult r, PriceTable prices) {
        ProviderConfig p = hop.provider();
        BigDecimal cost = prices.cost(p.kind(), hop.model(), r.tokensIn(), r.tokensOut());
        usage.insert(call.tenant(), new UsageRecord(null, call.conversationId(), p.id(), p.label(), p.kind().name(),
                hop.model(), call.purpose(), route.key(), reason, call.complexity().score(), index, r.tokensIn(),
                r.tokensOut(), cost, r.latencyMs(), r.outcome(), index > 0, r.error()), call.assistantVersion());
    }

    /**
     * A timeout anywhere in the cause chain: LangChain4j has its own TimeoutException, the JDK client throws
     * HttpTimeoutException, and a read timeout inside a stream may arrive wrapped more than once (which of the
     * client's read timeout and the chain's deadline fires first depends on the machine's load).
     */
    static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException
                || (t instanceof RuntimeException && t.getClass() == RuntimeException.class))
                && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** About four characters per token: good enough when a provider does not report usage. */
    static int estimateTokens(String text) {
        return (text.length() + 3) / 4;
    }

    static int estimateTokens(List<ChatMessage> messages) {
        int chars = 0;
        for (ChatMessage m : messages) {
            chars += switch (m) {
                case SystemMessage s -> s.text().length();
                case UserMessage u -> u.hasSingleText() ? u.singleText().length() : 0;
                case AiMessage a -> a.text() == null ? 0 : a.text().length();
                default -> 0;
            };
        }
        return (chars + 3) / 4;
    }

    private static int millisSince(long startNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.format(java.util.Locale.ROOT, "%.1f",
                d.toMillis() / 1000.0);
    }

    private static String money(@Nullable BigDecimal amount) {
        return amount == null ? "0" : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
