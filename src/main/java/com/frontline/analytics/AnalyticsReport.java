package com.frontline.analytics;

import com.frontline.chat.Channel;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * The analytics page's figures for a period and channel (null: every channel but evaluation runs), with the period
 * before it to compare.
 *
 * @param days            one figure per day of the period, oldest first
 * @param topQuestions    the most asked questions, grouped by identical normalised wording
 * @param topUnanswered   the questions most often left unanswered (fallback, 👎, handoff)
 * @param completeThrough the last day read from the daily roll-up (later days are counted live); null: none yet
 */
public record AnalyticsReport(Period period, Period previousPeriod, @Nullable Channel channel, Totals totals,
                              Totals previous, List<DayFigures> days, List<QuestionCount> topQuestions,
                              List<QuestionCount> topUnanswered, @Nullable LocalDate completeThrough) {

    public AnalyticsReport {
        days = List.copyOf(days);
        topQuestions = List.copyOf(topQuestions);
        topUnanswered = List.copyOf(topUnanswered);
    }

    /** Nothing happened in the period. */
    public boolean empty() {
        return totals.conversations() == 0 && totals.customerMessages() == 0 && totals.answers() == 0;
    }
}
