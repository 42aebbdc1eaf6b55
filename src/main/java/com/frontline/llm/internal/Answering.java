package com.frontline.llm.internal;

import com.frontline.llm.Answer;
import com.frontline.llm.AnswerRequest;
import com.frontline.llm.ModelSettings;
import com.frontline.llm.Source;
import com.frontline.llm.TokenSink;
import com.frontline.llm.Turn;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@link com.frontline.llm.AssistantGateway} does: route, run the chain, fall back to the offline answerer. */
@Component
public class Answering {

    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,3}(?:\\s*,\\s*\\d{1,3})*)]");

    private final ChainRunner chain;
    private final SettingsRepository settings;
    private final UsageRepository usage;
    private final BudgetGuard budget;
    private final LlmProperties properties;
    private final ComplexityScorer scorer = new ComplexityScorer();
    private final OfflineAnswerer offline = new OfflineAnswerer();

    Answering(ChainRunner chain, SettingsRepository settings, UsageRepository usage, BudgetGuard budget,
              LlmProperties properties) {
        this.chain = chain;
        this.settings = settings;
        this.usage = usage;
        this.budget = budget;
        this.properties = properties;
    }

    public Answer answer(AnswerRequest request, TokenSink sink) {
        TenantId tenant = request.tenant();
        Complexity complexity = scorer.score(request.history(), request.question(), request.sources());
        if (chain.chain(tenant, request.models()).isEmpty()) {
            return offline(request, complexity, "no AI provider configured: offline answerer", 0, false);
        }
        Router.Decision decision = Router.decide(rules(tenant, request.models()), complexity);
        ChainRunner.Result result = chain.run(new ChainRunner.Call(tenant, request.conversationId(), Purpose.ANSWER,
                decision, complexity, Prompts.answer(request, properties.maxHistory()), true, request.models(),
                request.assistantVersion()), sink);
        ChainRunner.Success success = result.success();
        if (success != null) {
            return new Answer(success.text(), citations(success.text(), request.sources()),
                    success.handoffRequested(), false, success.provider().label(), success.model(),
                    result.route().key(), result.failedOver(), result.failures());
        }
        String reason = result.route() == Route.OFFLINE ? result.reason()
                : "all %d hops failed or were skipped: offline answerer; %s".formatted(result.hops(),
                result.reason());
        return offline(request, complexity, reason, result.hops(), result.failedOver())
                .withFailures(result.failures());
    }

    private Answer offline(AnswerRequest request, Complexity complexity, String reason, int hop,
                           boolean failedOver) {
        long start = System.nanoTime();
        Answer answer = offline.answer(request.persona(), request.question(), request.query(), request.sources(),
                Route.OFFLINE.key(), failedOver);
        int latency = (int) ((System.nanoTime() - start) / 1_000_000);
        usage.insert(request.tenant(), new UsageRecord(null, request.conversationId(), null, OfflineAnswerer.PROVIDER,
                "OFFLINE", OfflineAnswerer.MODEL, Purpose.ANSWER, Route.OFFLINE.key(), reason, complexity.score(), hop,
                0, 0, BigDecimal.ZERO, latency, answer.isEmpty() ? Outcome.EMPTY : Outcome.OK, hop > 0,
                answer.isEmpty() ? "no sentence of the sources matches the question" : null),
                request.assistantVersion());
        return answer; // not streamed: the chat streams it once it knows it keeps it (Answer.streamed())
    }

    /** The routing rules of the given settings (an assistant version's), or the workspace's saved ones. */
    private LlmSettings rules(TenantId tenant, @Nullable ModelSettings models) {
        if (models == null) {
            return settings.find(tenant);
        }
        ModelSettings.Routing r = models.routing();
        return new LlmSettings(r.enabled(), r.simpleMaxScore(), r.complexMinScore(), r.longContextChars(), null);
    }

    public String standaloneQuestion(TenantId tenant, List<Turn> history, String question,
                                     @Nullable ModelSettings models, @Nullable Integer assistantVersion) {
        if (!FollowUps.looksLikeFollowUp(history, question)) {
            return question;
        }
        if (!chain.chain(tenant, models).isEmpty() && !budget.check(tenant).exhausted()) {
            Complexity complexity = scorer.score(history, question, List.of());
            Router.Decision decision = new Router.Decision(Route.SIMPLE, "rewriting a follow-up: cheap model");
            ChainRunner.Result result = chain.run(new ChainRunner.Call(tenant, null, Purpose.REWRITE, decision,
                    complexity, Prompts.rewrite(history, question), false, models, assistantVersion),
                    TokenSink.none());
            ChainRunner.Success success = result.success();
            if (success != null) {
                String rewritten = success.text().strip().lines().findFirst().orElse("").strip();
                rewritten = rewritten.replaceAll("^[\"“']+|[\"”']+$", "");
                if (!rewritten.isBlank() && rewritten.length() <= 3 * question.length() + 300) {
                    return rewritten;
                }
            }
        }
        return FollowUps.heuristic(history, question);
    }

    public boolean offlineOnly(TenantId tenant) {
        return chain.enabledProviders(tenant).isEmpty() || budget.check(tenant).exhausted();
    }

    /** The source numbers a model's text cites as [n] or [n, m], in order, ignoring numbers no source has. */
    static List<Integer> citations(String text, List<Source> sources) {
        Set<Integer> known = new LinkedHashSet<>();
        sources.forEach(s -> known.add(s.number()));
        Set<Integer> cited = new LinkedHashSet<>();
        Matcher m = CITATION.matcher(text);
        while (m.find()) {
            for (String n : m.group(1).split(",")) {
                int number = Integer.parseInt(n.strip());
                if (known.contains(number)) {
                    cited.add(number);
                }
            }
        }
        return List.copyOf(cited);
    }
}
