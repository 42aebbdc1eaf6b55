package com.frontline.analytics;

import com.frontline.chat.Channel;
import com.frontline.chat.ConversationFigures;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The analytics of a workspace: the page's report for a period and channel, and the dashboard's key figures.
 * Questions are shown as typed (inside the portal only) and never logged.
 */
@Service
public class AnalyticsService {

    /** Questions listed in each top list. */
    public static final int TOP = 10;
    /** Conversations listed for one question. */
    public static final int CONVERSATIONS_LISTED = 50;

    private final AnalyticsDays days;
    private final ConversationFigures figures;

    AnalyticsService(AnalyticsDays days, ConversationFigures figures) {
        this.days = days;
        this.figures = figures;
    }

    /** The report of a period (and the one before it), in a channel (null: all). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public AnalyticsReport report(TenantId tenant, Period period, @Nullable Channel channel) {
        // one read of both periods (they are adjacent): one plan, one roll-up range, one answers read
        List<DayFigures> both = days.days(tenant, new Period(period.previous().first(), period.last()), channel);
        List<DayFigures> before = both.subList(0, period.previous().days());
        List<DayFigures> current = both.subList(period.previous().days(), both.size());
        List<QuestionCount> questions = days.questions(tenant, period, channel);
        List<QuestionCount> top = questions.stream()
                .sorted(Comparator.comparingInt(QuestionCount::asked).reversed()
                        .thenComparing(QuestionCount::question))
                .limit(TOP).toList();
        List<QuestionCount> unanswered = questions.stream()
                .filter(q -> q.unanswered() > 0)
                .sorted(Comparator.comparingInt(QuestionCount::unanswered).reversed()
                        .thenComparing(Comparator.comparingInt(QuestionCount::asked).reversed())
                        .thenComparing(QuestionCount::question))
                .limit(TOP).toList();
        return new AnalyticsReport(period, period.previous(), channel, Totals.of(current), Totals.of(before), current,
                top, unanswered, days.completeThrough(tenant));
    }

    /** The dashboard's key figures: the last 7 days up to {@code today} and the 7 before. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public KeyFigures keyFigures(TenantId tenant, LocalDate today) {
        Period week = Period.lastDays(today, 7);
        List<DayFigures> both = days.days(tenant, new Period(week.previous().first(), week.last()), null);
        return new KeyFigures(week, Totals.of(both.subList(7, both.size())), Totals.of(both.subList(0, 7)));
    }

    /** The last 7 days and the 7 before them, all channels. */
    public record KeyFigures(Period period, Totals totals, Totals previous) {
    }

    /**
     * The conversations of the period in which a question of this normalised wording was answered, newest first
     * ({@value #CONVERSATIONS_LISTED} at most): only those whose transcript is still kept.
     */
    @Transactional(readOnly = true)
    public List<ConversationFigures.AskedIn> conversationsAsking(TenantId tenant, String questionKey, Period period,
                                                                 @Nullable Channel channel, boolean unansweredOnly) {
        return figures.askedIn(tenant, questionKey, period.from(), period.to(), channel, unansweredOnly,
                CONVERSATIONS_LISTED);
    }
}
