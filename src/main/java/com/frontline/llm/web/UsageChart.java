package com.frontline.llm.web;

import com.frontline.llm.internal.UsageReport;
import com.frontline.llm.internal.UsageTotals;
import com.frontline.shared.web.DailyChart;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The usage dashboard's charts ({@link DailyChart}s): calls, cost with the budget's daily pace, and latency. Days
 * without calls break the latency lines.
 */
final class UsageChart {

    /** Room for the value labels ("$12.5k", "1.2 s"). */
    static final double LEFT = 76;

    private UsageChart() {
    }

    /** Calls per day: succeeded calls with the failed ones stacked on top. */
    static DailyChart calls(List<UsageReport.Day> days) {
        double max = days.stream().mapToDouble(d -> d.totals().calls()).max().orElse(0);
        DailyChart.Builder chart = DailyChart.over(dates(days), LEFT, DailyChart.Scale.of(max));
        for (int i = 0; i < days.size(); i++) {
            UsageTotals t = days.get(i).totals();
            String day = DailyChart.day(days.get(i).day());
            long ok = t.successes();
            long failed = t.calls() - t.successes();
            double base = 0;
            if (ok > 0) {
                chart.bar(i, base, ok, "ok", day + ": " + ok + " succeeded");
                base += ok;
            }
            if (failed > 0) {
                chart.bar(i, base, failed, "failed", day + ": " + failed + " failed"
                        + (t.failovers() > 0 ? ", " + t.failovers() + " failovers" : ""));
            }
        }
        return chart.build("Calls per day, succeeded and failed", DailyChart::count, null, max == 0);
    }

    /** Cost per day, with the budget's daily pace (the monthly budget over the month's days) when there is one. */
    static DailyChart cost(List<UsageReport.Day> days, UsageReport.Budget budget) {
        double max = days.stream().mapToDouble(d -> d.totals().costUsd().doubleValue()).max().orElse(0);
        Double pace = null;
        if (budget.budgetUsd() != null && budget.budgetUsd().signum() > 0) {
            pace = budget.budgetUsd().doubleValue() / budget.monthStart().lengthOfMonth();
            max = Math.max(max, pace);
        }
        DailyChart.Scale scale = DailyChart.Scale.of(max);
        DailyChart.Builder chart = DailyChart.over(dates(days), LEFT, scale);
        for (int i = 0; i < days.size(); i++) {
            BigDecimal cost = days.get(i).totals().costUsd();
            if (cost.signum() > 0) {
                chart.bar(i, 0, cost.doubleValue(), "cost",
                        DailyChart.day(days.get(i).day()) + ": " + money(cost.doubleValue()));
            }
        }
        DailyChart.Reference reference = pace == null ? null
                : new DailyChart.Reference(scale.y(pace), "Budget pace " + money(pace) + " a day");
        boolean empty = days.stream().allMatch(d -> d.totals().costUsd().signum() == 0);
        return chart.build("Cost per day in US dollars", UsageChart::money, reference, empty);
    }

    /** The latency percentiles per day (p50, p95, p99) as lines; days without calls break them. */
    static DailyChart latency(List<UsageReport.Day> days) {
        double max = days.stream().mapToDouble(d -> d.totals().p99()).max().orElse(0);
        return DailyChart.over(dates(days), LEFT, DailyChart.Scale.of(max))
                .line(latency(days, UsageTotals::p50), "p50", "p50 (median)", UsageChart::duration)
                .line(latency(days, UsageTotals::p95), "p95", "p95", UsageChart::duration)
                .line(latency(days, UsageTotals::p99), "p99", "p99", UsageChart::duration)
                .build("Latency per day: p50, p95 and p99", UsageChart::duration, null,
                        days.stream().allMatch(d -> d.totals().calls() == 0));
    }

    private static java.util.function.IntFunction<@Nullable Double> latency(List<UsageReport.Day> days,
                                                                            ToDoubleFunction<UsageTotals> value) {
        return i -> {
            UsageTotals t = days.get(i).totals();
            return t.calls() == 0 ? null : value.applyAsDouble(t);
        };
    }

    private static List<LocalDate> dates(List<UsageReport.Day> days) {
        return days.stream().map(UsageReport.Day::day).toList();
    }

    static String money(double v) {
        if (v == 0) {
            return "$0";
        }
        if (v >= 1000) {
            return "$" + DailyChart.trim(v / 1000) + "k";
        }
        return v >= 1 ? "$" + DailyChart.trim(v) : "$" + String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "")
                .replaceAll("\\.$", "");
    }

    static String duration(double ms) {
        return ms >= 1000 ? DailyChart.trim(ms / 1000) + " s" : Math.round(ms) + " ms";
    }
}
