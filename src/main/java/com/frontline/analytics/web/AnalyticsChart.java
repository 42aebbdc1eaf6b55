package com.frontline.analytics.web;

import com.frontline.analytics.DayFigures;
import com.frontline.shared.web.DailyChart;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The analytics page's charts ({@link DailyChart}s): conversations by outcome, customer messages, and the daily
 * rates. Counts use whole-number scales.
 */
final class AnalyticsChart {

    /** Room for the value labels ("12.5k", "100 %"). */
    static final double LEFT = 56;

    private AnalyticsChart() {
    }

    /** Conversations per day: resolved without a person, handed off, and the rest stacked. */
    static DailyChart conversations(List<DayFigures> days) {
        double max = days.stream().mapToDouble(DayFigures::conversations).max().orElse(0);
        DailyChart.Builder chart = DailyChart.over(dates(days), LEFT, DailyChart.Scale.ofCounts(max));
        String[] css = {"deflected", "handoff", "other"};
        String[] what = {"resolved without a person", "handed off", "other (open, or answered by a person)"};
        for (int i = 0; i < days.size(); i++) {
            DayFigures d = days.get(i);
            String day = DailyChart.day(d.day());
            int other = d.conversations() - d.deflected() - d.handoffs();
            double base = 0;
            int[] parts = {d.deflected(), d.handoffs(), Math.max(0, other)};
            for (int p = 0; p < parts.length; p++) {
                if (parts[p] > 0) {
                    chart.bar(i, base, parts[p], css[p], day + ": " + parts[p] + " " + what[p] + " of "
                            + d.conversations());
                    base += parts[p];
                }
            }
        }
        return chart.build("Conversations per day: resolved without a person, handed off, other",
                DailyChart::count, null, max == 0);
    }

    /** Customer messages per day. */
    static DailyChart messages(List<DayFigures> days) {
        double max = days.stream().mapToDouble(DayFigures::customerMessages).max().orElse(0);
        DailyChart.Builder chart = DailyChart.over(dates(days), LEFT, DailyChart.Scale.ofCounts(max));
        for (int i = 0; i < days.size(); i++) {
            DayFigures d = days.get(i);
            if (d.customerMessages() > 0) {
                chart.bar(i, 0, d.customerMessages(), "messages",
                        DailyChart.day(d.day()) + ": " + d.customerMessages() + " customer messages");
            }
        }
        return chart.build("Customer messages per day", DailyChart::count, null, max == 0);
    }

    /** The daily rates in percent: deflection and handoff (of conversations), fallback (of answers). */
    static DailyChart rates(List<DayFigures> days) {
        return DailyChart.over(dates(days), LEFT, new DailyChart.Scale(1))
                .line(rate(days, d -> d.conversations() == 0 ? null : (double) d.deflected() / d.conversations()),
                        "deflection", "Resolved without a person", AnalyticsChart::percent)
                .line(rate(days, d -> d.conversations() == 0 ? null : (double) d.handoffs() / d.conversations()),
                        "handoff", "Handoff rate", AnalyticsChart::percent)
                .line(rate(days, d -> d.answers() == 0 ? null : (double) d.fallbacks() / d.answers()),
                        "fallback", "Fallback rate", AnalyticsChart::percent)
                .build("Rates per day: resolved without a person, handoffs, fallbacks", AnalyticsChart::percent,
                        null, days.stream().allMatch(d -> d.conversations() == 0 && d.answers() == 0));
    }

    private static java.util.function.IntFunction<@Nullable Double> rate(List<DayFigures> days,
                                                                         Function<DayFigures, @Nullable Double> f) {
        return i -> f.apply(days.get(i));
    }

    private static String percent(double v) {
        return Math.round(v * 100) + " %";
    }

    private static List<LocalDate> dates(List<DayFigures> days) {
        return days.stream().map(DayFigures::day).toList();
    }
}
