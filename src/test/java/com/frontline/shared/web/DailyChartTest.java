package com.frontline.shared.web;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared chart builder as numbers: scales, stacked bars, broken lines and their lone dots, labels. */
class DailyChartTest {

    static List<LocalDate> days(int n) {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            days.add(LocalDate.parse("2026-12-01").plusDays(i));
        }
        return days;
    }

    @Test
    void countScalesKeepWholeNumbersAtHalfAndTop() {
        assertThat(DailyChart.Scale.ofCounts(1).max()).isEqualTo(4);
        assertThat(DailyChart.Scale.of(1).max()).isEqualTo(1);
        assertThat(DailyChart.Scale.ofCounts(0).max()).isEqualTo(1);
        assertThat(DailyChart.Scale.ofCounts(137).max()).isEqualTo(200);
        assertThat(DailyChart.Scale.of(0.3).max()).isEqualTo(0.5);
    }

    @Test
    void stackedPartsSitOnEachOtherAndTheLeftMarginMovesThePlot() {
        DailyChart chart = DailyChart.over(days(2), 56, DailyChart.Scale.of(10))
                .bar(1, 0, 4, "a", "4 a")
                .bar(1, 4, 6, "b", "6 b")
                .build("Two parts", DailyChart::count, null, false);
        DailyChart.Rect a = chart.bars().get(0);
        DailyChart.Rect b = chart.bars().get(1);
        assertThat(b.y() + b.h()).isCloseTo(a.y(), org.assertj.core.data.Offset.offset(0.11));
        assertThat(b.y()).isEqualTo(DailyChart.TOP);
        assertThat(a.x()).isGreaterThan(56 + (DailyChart.WIDTH - 56 - DailyChart.RIGHT) / 2.0);
        assertThat(chart.plotLeft()).isEqualTo(56);
        assertThat(chart.yTicks()).extracting(DailyChart.Tick::label).containsExactly("0", "5", "10");
        assertThat(chart.xTicks()).extracting(DailyChart.Tick::label).containsExactly("1 Dec", "2 Dec");
    }

    @Test
    void aLineBreaksOnDaysWithoutAValueAndALoneDayIsADot() {
        Double[] values = {0.5, 0.25, null, 0.75, null};
        DailyChart chart = DailyChart.over(days(5), 56, new DailyChart.Scale(1))
                .line(i -> values[i], "rate", "Rate", v -> Math.round(v * 100) + " %")
                .build("A rate", v -> Math.round(v * 100) + " %", null, false);
        DailyChart.Path line = chart.lines().getFirst();
        assertThat(line.d()).startsWith("M").contains("L");
        assertThat(line.d().indexOf('M', 1)).isEqualTo(-1);
        assertThat(line.d().split("[ML]")).hasSize(3); // "" + two points
        assertThat(line.dots()).extracting(DailyChart.Dot::title).containsExactly("4 Dec: Rate 75 %");
    }
}
