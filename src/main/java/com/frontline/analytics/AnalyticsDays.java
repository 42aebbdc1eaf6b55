package com.frontline.analytics;

import com.frontline.chat.Channel;
import com.frontline.chat.ConversationFigures;
import com.frontline.chat.FeedbackReviewDay;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

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
 * The analytics figures of a period: past days from the daily roll-up ({@link AnalyticsRollupRepository}), today,
 * days the roll-up has not reached and past days that changed since live from the chat module
 * ({@link ConversationFigures}); the answers' figures from the chat module (its own roll-up and today live). Call
 * within one transaction (repeatable read) for one consistent view.
 */
@Component
class AnalyticsDays {

    private final AnalyticsRollupRepository rollups;
    private final ConversationFigures figures;

    AnalyticsDays(AnalyticsRollupRepository rollups, ConversationFigures figures) {
        this.rollups = rollups;
        this.figures = figures;
    }

    /** One figure per day of the period (days without anything included, as zeros), oldest first. */
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
        // every live span (today, days not rolled up, changed past days) in one read
        for (ConversationFigures.ConversationDay d : figures.conversationDays(tenant, spans(plan))) {
            if (channel == null || d.channel() == channel) {
                byDay.merge(d.day(), new DayFigures(d.day(), d.conversations(), d.customerMessages(),
                        d.deflected(), d.handoffs(), d.responded(), ResponseTimes.histogram(d.responseSeconds()),
                        0, 0, 0, 0, 0, 0), DayFigures::plus);
            }
        }
        for (FeedbackReviewDay a : figures.answerDays(tenant, period.from(), period.to(), channel)) {
            byDay.merge(a.day(), new DayFigures(a.day(), 0, 0, 0, 0, 0, new int[0], a.answers(), a.rated(),
                    a.helpful(), a.fallbacks(), a.implicitCount(), a.implicitSum()), DayFigures::plus);
        }
        return new ArrayList<>(byDay.values());
    }

    /**
     * The period's questions, added up per normalised wording (unordered): the rolled-up ISO weeks that lie whole in
     * the period with all seven days rolled up and unchanged from the weekly rows, the other rolled-up days from the
     * daily rows, the live spans live.
     */
    List<QuestionCount> questions(TenantId tenant, Period period, @Nullable Channel channel) {
        RollupPlan plan = plan(tenant, period);
        Map<String, QuestionCount> byKey = new HashMap<>();
        if (!plan.rolledUp().isEmpty()) {
            Set<LocalDate> rolledUp = new HashSet<>(plan.rolledUp());
            List<LocalDate> weeks = new ArrayList<>();
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate day : plan.rolledUp()) {
                LocalDate monday = AnalyticsRollupRepository.monday(day);
                if (wholeWeek(monday, rolledUp)) {
                    if (day.equals(monday)) {
                        weeks.add(monday);
                    }
                } else {
                    days.add(day);
                }
            }
            for (QuestionCount q : rollups.questions(tenant, weeks, days, channel)) {
                byKey.merge(q.key(), q, QuestionCount::plus);
            }
        }
        for (ConversationFigures.QuestionDay q : figures.questionDays(tenant, spans(plan))) {
            if (channel == null || q.channel() == channel) {
                byKey.merge(q.key(), new QuestionCount(q.key(), q.question(), q.asked(), q.unanswered(),
                        q.fallbacks(), q.unhelpful(), q.handoffs()), QuestionCount::plus);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** Whether all seven days of the week starting {@code monday} are among the rolled-up days read. */
    private static boolean wholeWeek(LocalDate monday, Set<LocalDate> rolledUp) {
        for (int i = 0; i < 7; i++) {
            if (!rolledUp.contains(monday.plusDays(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<ConversationFigures.Span> spans(RollupPlan plan) {
        return plan.live().stream()
                .map(s -> new ConversationFigures.Span(start(s.first()), start(s.last().plusDays(1))))
                .toList();
    }

    /** Which days of the period come from the roll-up and which are read live. */
    RollupPlan plan(TenantId tenant, Period period) {
        LocalDate completeThrough = rollups.completeThrough(tenant).orElse(null);
        Set<LocalDate> stale = Set.of();
        if (completeThrough != null && !period.first().isAfter(completeThrough)) {
            stale = rollups.staleDays(tenant, period.first(), completeThrough);
        }
        return RollupPlan.of(period.first(), period.last(), completeThrough, stale);
    }

    @Nullable LocalDate completeThrough(TenantId tenant) {
        return rollups.completeThrough(tenant).orElse(null);
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
