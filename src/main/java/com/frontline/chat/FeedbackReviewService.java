package com.frontline.chat;

import com.frontline.shared.NotFoundException;
import com.frontline.shared.Plurals;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The feedback review page: judged answers filtered and paged, the cards over the period, one answer with its
 * conversation and retrieval trace, and the filtered set streamed for export.
 */
@Service
public class FeedbackReviewService {

    public static final int PAGE_SIZE = 25;
    static final int EXPORT_BATCH = 500;
    private static final int MAX_TURNS = 500;
    private static final List<String> SIGNAL_ORDER = List.of("thanked", "continued", "rephrased", "askedForPerson",
            "leftQuickly");
    private static final TypeReference<LinkedHashMap<String, Boolean>> SIGNALS = new TypeReference<>() {
    };

    private final FeedbackReviewRepository reviews;
    private final FeedbackReviewDays dailyFigures;
    private final ConversationRepository conversations;
    private final JsonMapper json;

    FeedbackReviewService(FeedbackReviewRepository reviews, FeedbackReviewDays dailyFigures,
                          ConversationRepository conversations, JsonMapper json) {
        this.reviews = reviews;
        this.dailyFigures = dailyFigures;
        this.conversations = conversations;
        this.json = json;
    }

    /** A page of rows and where the next one starts (null on the last page). */
    public record Page(List<FeedbackReviewRow> rows, @Nullable FeedbackReviewCursor next) {
    }

    @Transactional(readOnly = true)
    public Page page(TenantId tenant, FeedbackReviewFilter filter, @Nullable FeedbackReviewCursor after) {
        List<FeedbackReviewRow> rows = reviews.page(tenant, filter, after, PAGE_SIZE + 1);
        if (rows.size() > PAGE_SIZE) {
            List<FeedbackReviewRow> shown = rows.subList(0, PAGE_SIZE);
            return new Page(List.copyOf(shown), shown.getLast().cursor());
        }
        return new Page(rows, null);
    }

    @Transactional(readOnly = true)
    public List<FeedbackReviewFilter.ProviderModel> providerModels(TenantId tenant) {
        return reviews.providerModels(tenant);
    }

    /**
     * The cards for the filter's period against the period of the same length before it. Rates are over every
     * answer in the period (in the filter's channel and provider/model), not only the judged ones. Past days come
     * from the daily roll-up, today (and any day changed since it was rolled up) live: one snapshot for both.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<FeedbackReviewCard> cards(TenantId tenant, FeedbackReviewFilter filter) {
        FeedbackReviewFilter before = filter.previous();
        Map<LocalDate, FeedbackReviewDay> byDay = new HashMap<>();
        dailyFigures.days(tenant, before.from(), filter.to(), filter.channel(), filter.providerModel())
                .forEach(d -> byDay.put(d.day(), d));
        List<LocalDate> current = days(filter.from(), filter.to());
        List<LocalDate> previous = days(before.from(), before.to());
        List<FeedbackReviewDay> now = current.stream().map(d -> byDay.get(d)).filter(d -> d != null).toList();
        List<FeedbackReviewDay> then = previous.stream().map(d -> byDay.get(d)).filter(d -> d != null).toList();
        return List.of(
                card("helpful", "Helpful rate", "👍 among answers rated 👍 or 👎", current, byDay, now, then,
                        FeedbackReviewDay::helpful, FeedbackReviewDay::rated, "rated answer"),
                card("rating", "Rating rate", "Answers the visitor rated at all", current, byDay, now, then,
                        FeedbackReviewDay::rated, FeedbackReviewDay::answers, "answer"),
                card("fallback", "Fallback rate", "Answers where the assistant was unsure and gave its fallback "
                        + "message", current, byDay, now, then, FeedbackReviewDay::fallbacks,
                        FeedbackReviewDay::answers, "answer"),
                card("handoff", "Handoff rate", "Answers followed by a handoff to the team", current, byDay, now,
                        then, FeedbackReviewDay::handoffs, FeedbackReviewDay::answers, "answer"),
                implicitCard(current, byDay, now, then));
    }

    private static FeedbackReviewCard card(String key, String label, String explanation, List<LocalDate> current,
                                           Map<LocalDate, FeedbackReviewDay> byDay, List<FeedbackReviewDay> now,
                                           List<FeedbackReviewDay> then, Function<FeedbackReviewDay, Integer> part,
                                           Function<FeedbackReviewDay, Integer> whole, String unit) {
        int p = now.stream().mapToInt(part::apply).sum();
        int w = now.stream().mapToInt(whole::apply).sum();
        int pp = then.stream().mapToInt(part::apply).sum();
        int pw = then.stream().mapToInt(whole::apply).sum();
        List<@Nullable Double> daily = new ArrayList<>();
        for (LocalDate d : current) {
            FeedbackReviewDay day = byDay.get(d);
            daily.add(day == null || whole.apply(day) == 0 ? null : (double) part.apply(day) / whole.apply(day));
        }
        return new FeedbackReviewCard(key, label, explanation, w == 0 ? null : (double) p / w,
                pw == 0 ? null : (double) pp / pw, p + " of " + Plurals.of(w, unit),
                FeedbackReviewSparkline.of(daily, 1));
    }

    private static FeedbackReviewCard implicitCard(List<LocalDate> current, Map<LocalDate, FeedbackReviewDay> byDay,
                                                   List<FeedbackReviewDay> now, List<FeedbackReviewDay> then) {
        int n = now.stream().mapToInt(FeedbackReviewDay::implicitCount).sum();
        double sum = now.stream().mapToDouble(FeedbackReviewDay::implicitSum).sum();
        int pn = then.stream().mapToInt(FeedbackReviewDay::implicitCount).sum();
        double psum = then.stream().mapToDouble(FeedbackReviewDay::implicitSum).sum();
        List<@Nullable Double> daily = new ArrayList<>();
        for (LocalDate d : current) {
            FeedbackReviewDay day = byDay.get(d);
            daily.add(day == null || day.implicitCount() == 0 ? null : day.implicitSum() / day.implicitCount());
        }
        return new FeedbackReviewCard("implicit", "Implicit satisfaction", "Mean implicit score of the answers the "
                + "signals job has read", n == 0 ? null : sum / n, pn == 0 ? null : psum / pn,
                "over " + Plurals.of(n, "scored answer"), FeedbackReviewSparkline.of(daily, 1));
    }

    /** The UTC days that {@code [from, to)} touches, oldest first. */
    static List<LocalDate> days(OffsetDateTime from, OffsetDateTime to) {
        LocalDate first = from.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        LocalDate last = to.minusNanos(1000).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /**
     * An assistant answer of the workspace with its whole conversation.
     *
     * @throws NotFoundException no such answer in this workspace
     */
    @Transactional(readOnly = true)
    public FeedbackReviewDetail detail(TenantId tenant, UUID messageId) {
        FeedbackReviewRow answer = reviews.answer(tenant, messageId)
                .orElseThrow(() -> NotFoundException.of("Answer", messageId));
        List<ChatMessage> turns = conversations.messages(tenant, answer.conversationId(), 0, MAX_TURNS);
        FeedbackReviewRepository.Traces traces = reviews.traces(tenant, messageId).orElseThrow();
        return new FeedbackReviewDetail(answer, turns, retrieval(traces.retrieval()),
                signals(traces.implicitSignals()));
    }

    private FeedbackReviewDetail.@Nullable Retrieval retrieval(@Nullable String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, FeedbackReviewDetail.Retrieval.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    private @Nullable Map<String, Boolean> signals(@Nullable String stored) {
        if (stored == null) {
            return null;
        }
        try {
            // jsonb keeps keys in its own order: show the known signals in a fixed one, then any others
            Map<String, Boolean> read = json.readValue(stored, SIGNALS);
            Map<String, Boolean> ordered = new LinkedHashMap<>();
            SIGNAL_ORDER.stream().filter(read::containsKey).forEach(k -> ordered.put(k, read.get(k)));
            read.forEach(ordered::putIfAbsent);
            return ordered;
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * Hands every row of the filtered set to {@code sink}, newest first, reading {@value #EXPORT_BATCH} rows at a
     * time by keyset (the set is never held whole). Each batch is its own short read.
     */
    public void export(TenantId tenant, FeedbackReviewFilter filter, Consumer<FeedbackReviewRow> sink) {
        FeedbackReviewCursor after = null;
        while (true) {
            List<FeedbackReviewRow> batch = reviews.page(tenant, filter, after, EXPORT_BATCH);
            batch.forEach(sink);
            if (batch.size() < EXPORT_BATCH) {
                return;
            }
            after = batch.getLast().cursor();
        }
    }

    /**
     * What a reviewer sees on an answer of a conversation that took place earlier (the demo workspace's history):
     * the visitor's reasons and comment, the provider/model, the passages found, a handoff and the implicit signals.
     */
    public record PastJudgement(List<String> reasons, @Nullable String comment, @Nullable String provider,
                                @Nullable String model, FeedbackReviewDetail.@Nullable Retrieval retrieval,
                                boolean handedOff, @Nullable Map<String, Boolean> signals,
                                @Nullable Double implicitScore) {
        public PastJudgement {
            reasons = List.copyOf(reasons);
            if (!FeedbackReviewFilter.REASONS.containsAll(reasons)) {
                throw new IllegalArgumentException("Unknown reason in " + reasons);
            }
        }
    }

    /**
     * Stores judgements on a past conversation's assistant answers, the n-th judgement on the n-th answer (null:
     * leave that answer as it is).
     */
    @Transactional
    public void recordPastJudgements(TenantId tenant, UUID conversationId, List<@Nullable PastJudgement> byAnswer) {
        List<UUID> answers = reviews.answerIds(tenant, conversationId);
        for (int i = 0; i < Math.min(answers.size(), byAnswer.size()); i++) {
            PastJudgement j = byAnswer.get(i);
            if (j != null) {
                reviews.recordJudgement(tenant, answers.get(i), j,
                        j.retrieval() == null ? null : json.writeValueAsString(j.retrieval()),
                        j.signals() == null ? null : json.writeValueAsString(j.signals()));
            }
        }
    }
}
