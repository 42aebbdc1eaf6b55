package com.frontline.analytics;

import com.frontline.chat.Channel;
import com.frontline.chat.ConversationFigures;
import com.frontline.chat.FeedbackReviewDay;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reads of {@link AnalyticsDays} as they were before issue #13's second round (commit ea79bec): each live span
 * read on its own (two queries per span for the daily figures, one for the questions), and the questions of every
 * rolled-up day from the daily rows. Only for {@link AnalyticsPageBenchmark}, to time the old and the new reads on
 * the same data in the same run.
 */
final class BaselineAnalyticsDays extends AnalyticsDays {

    private final AnalyticsRollupRepository rollups;
    private final ConversationFigures figures;

    BaselineAnalyticsDays(AnalyticsRollupRepository rollups, ConversationFigures figures) {
        super(rollups, figures);
        this.rollups = rollups;
        this.figures = figures;
    }

    @Override
    List<DayFigures> days(TenantId tenant, Period period, @Nullable Channel channel) {
        RollupPlan plan = plan(tenant, period);
        TreeMap<LocalDate, DayFigures> byDay = new TreeMap<>();
        for (LocalDate d = period.first(); !d.isAfter(period.last()); d = d.plusDays(1)) {
            byDay.put(d, DayFigures.none(d));
        }
        if (!plan.rolledUp().isEmpty()) {
            Set<LocalDate> wanted = new HashSet<>(plan.rolledUp());
            rollups.conversationDays(tenant, plan.rolledUp().getFirst(), plan.rolledUp().getLast(), channel).stream()
                    .filter(d -> wanted.contains(d.day()))
                    .forEach(d -> byDay.merge(d.day(), d, DayFigures::plus));
        }
        for (RollupPlan.Span span : plan.live()) {
            for (ConversationFigures.ConversationDay d : figures.conversationDays(tenant, start(span.first()),
                    start(span.last().plusDays(1)))) {
                if (channel == null || d.channel() == channel) {
                    byDay.merge(d.day(), new DayFigures(d.day(), d.conversations(), d.customerMessages(),
                            d.deflected(), d.handoffs(), d.responded(), ResponseTimes.histogram(d.responseSeconds()),
                            0, 0, 0, 0, 0, 0), DayFigures::plus);
                }
            }
        }
        for (FeedbackReviewDay a : figures.answerDays(tenant, period.from(), period.to(), channel)) {
            byDay.merge(a.day(), new DayFigures(a.day(), 0, 0, 0, 0, 0, new int[0], a.answers(), a.rated(),
                    a.helpful(), a.fallbacks(), a.implicitCount(), a.implicitSum()), DayFigures::plus);
        }
        return new ArrayList<>(byDay.values());
    }

    @Override
    List<QuestionCount> questions(TenantId tenant, Period period, @Nullable Channel channel) {
        RollupPlan plan = plan(tenant, period);
        Map<String, QuestionCount> byKey = new HashMap<>();
        if (!plan.rolledUp().isEmpty()) {
            Set<LocalDate> skipped = new HashSet<>();
            for (RollupPlan.Span s : plan.live()) {
                for (LocalDate d = s.first(); !d.isAfter(s.last()); d = d.plusDays(1)) {
                    if (!d.isBefore(plan.rolledUp().getFirst()) && !d.isAfter(plan.rolledUp().getLast())) {
                        skipped.add(d);
                    }
                }
            }
            for (QuestionCount q : rollups.questions(tenant, plan.rolledUp().getFirst(), plan.rolledUp().getLast(),
                    channel, skipped)) {
                byKey.merge(q.key(), q, QuestionCount::plus);
            }
        }
        for (RollupPlan.Span span : plan.live()) {
            for (ConversationFigures.QuestionDay q : figures.questionDays(tenant, start(span.first()),
                    start(span.last().plusDays(1)))) {
                if (channel == null || q.channel() == channel) {
                    byKey.merge(q.key(), new QuestionCount(q.key(), q.question(), q.asked(), q.unanswered(),
                            q.fallbacks(), q.unhelpful(), q.handoffs()), QuestionCount::plus);
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
