package com.frontline.llm.web;

import com.frontline.llm.internal.LatencyHistogram;
import com.frontline.llm.internal.UsageReport;
import com.frontline.llm.internal.UsageTotals;
import com.frontline.shared.web.DailyChart;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's charts as numbers: scales, stacking, gaps, labels that stay inside the box. */
class UsageChartTest {

    static final LocalDate START = LocalDate.parse("2026-11-08");

    static UsageTotals totals(long ok, long failed, String cost, long... latencies) {
        LatencyHistogram h = LatencyHistogram.empty();
        for (long l : latencies) {
            h.add(l);
        }
        return new UsageTotals(ok + failed, 0, ok, failed, 0, 0, 0, new BigDecimal(cost), 0, h);
    }

    static List<UsageReport.Day> days(int n, java.util.function.IntFunction<UsageTotals> totals) {
        List<UsageReport.Day> days = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            days.add(new UsageReport.Day(START.plusDays(i), totals.apply(i)));
        }
        return days;
    }

    @Test
    void callsStackFailuresOnSuccessesOnARoundScale() {
        var chart = UsageChart.calls(days(30, i -> i == 29 ? totals(130, 7, "0") : totals(0, 0, "0")));
        assertThat(chart.yTicks()).extracting(DailyChart.Tick::label).containsExactly("0", "100", "200");
        assertThat(chart.bars()).hasSize(2);
        DailyChart.Rect ok = chart.bars().get(0);
        DailyChart.Rect failed = chart.bars().get(1);
        assertThat(ok.css()).isEqualTo("ok");
        assertThat(failed.css()).isEqualTo("failed");
        assertThat(failed.y() + failed.h()).isCloseTo(ok.y(), org.assertj.core.api.Assertions.within(0.11));
        assertThat(failed.title()).isEqualTo("7 Dec: 7 failed");
        assertThat(chart.empty()).isFalse();
        assertThat(UsageChart.calls(days(7, i -> totals(0, 0, "0"))).empty()).isTrue();
    }

    @Test
    void dayLabelsStayInsideAndDoNotCrowdTheLastOne() {
        for (int n : new int[]{1, 7, 30, 90, 366}) {
            var ticks = UsageChart.calls(days(n, i -> totals(1, 0, "0"))).xTicks();
            assertThat(ticks.getFirst().label()).isEqualTo("8 Nov");
            assertThat(ticks.getLast().label()).isEqualTo(START.plusDays(n - 1).format(
                    java.time.format.DateTimeFormatter.ofPattern("d MMM", java.util.Locale.ENGLISH)));
            if (n > 1) {
                assertThat(ticks.getFirst().anchor()).isEqualTo("start");
                assertThat(ticks.getLast().anchor()).isEqualTo("end");
                assertThat(ticks.getLast().at()).isEqualTo(DailyChart.WIDTH - DailyChart.RIGHT);
            }
            for (int i = 1; i < ticks.size(); i++) {
                assertThat(ticks.get(i).at() - ticks.get(i - 1).at()).as("%d days, label %d", n, i)
                        .isGreaterThan(60);
            }
            assertThat(ticks.size()).isLessThanOrEqualTo(8);
        }
    }

    @Test
    void theBudgetPaceIsADashedLineAndRaisesTheScaleToShowIt() {
        var budget = new UsageReport.Budget(new BigDecimal("30.00"), BigDecimal.ONE, BigDecimal.ONE,
                LocalDate.parse("2026-11-01"), null);
        var chart = UsageChart.cost(days(3, i -> totals(1, 0, "0.20")), budget);
        assertThat(chart.reference()).isNotNull();
        assertThat(chart.reference().label()).isEqualTo("Budget pace $1 a day");
        assertThat(chart.yTicks()).extracting(DailyChart.Tick::label).containsExactly("$0", "$0.5", "$1");
        assertThat(chart.bars()).allSatisfy(b -> assertThat(b.title()).endsWith(": $0.2"));
    }

    @Test
    void latencyLinesBreakOnDaysWithoutCallsAndALoneDayIsADot() {
        var chart = UsageChart.latency(days(5, i -> i == 2 ? totals(0, 0, "0")
                : totals(1, 0, "0", 100L * (i + 1))));
        DailyChart.Path p50 = chart.lines().getFirst();
        assertThat(p50.d()).startsWith("M").contains(" L").doesNotContain("NaN");
        assertThat(p50.d().split("M", -1)).as("one segment before the gap, one after").hasSize(3);
        var lone = UsageChart.latency(days(3, i -> i == 1 ? totals(1, 0, "0", 800) : totals(0, 0, "0")));
        assertThat(lone.lines().getFirst().d()).isEmpty();
        assertThat(lone.lines().getFirst().dots()).singleElement()
                .satisfies(d -> assertThat(d.title()).isEqualTo("9 Nov: p50 (median) "
                        + totals(1, 0, "0", 800).p50() + " ms"));
        // that is the buckets' estimate of 800 ms, within their 5 %
        assertThat((double) totals(1, 0, "0", 800).p50()).isCloseTo(800, org.assertj.core.api.Assertions.within(40.0));
    }
}
