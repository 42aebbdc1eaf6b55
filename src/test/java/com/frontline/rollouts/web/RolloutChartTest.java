package com.frontline.rollouts.web;

import com.frontline.rollouts.ExperimentArm;
import com.frontline.rollouts.SeriesPoint;
import com.frontline.rollouts.stats.Interval;
import com.frontline.rollouts.stats.Rate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The helpful-rate chart from given series: one point per bucket at its rate, the band between the interval's
 * bounds, gaps where a bucket has no rated answer, a lone bucket as a dot with a whisker, an axis that spans the
 * data, and time labels inside the box.
 */
class RolloutChartTest {

    static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    static final List<ExperimentArm> ARMS = List.of(new ExperimentArm("baseline", 3, 9000),
            new ExperimentArm("candidate", 4, 1000));

    static SeriesPoint point(int hour, String arm, long helpful, long rated, double low, double high) {
        return new SeriesPoint(T0.plus(Duration.ofHours(hour)), arm, Rate.of(helpful, rated), new Interval(low, high));
    }

    /** The (x, y) pairs of an SVG path's commands, in order. */
    static double[][] coordinates(String path) {
        return Arrays.stream(path.split("(?=[MLZ])")).map(String::strip).filter(c -> !c.isEmpty() && !c.equals("Z"))
                .map(c -> c.substring(1).strip().split(" "))
                .map(xy -> new double[]{Double.parseDouble(xy[0]), Double.parseDouble(xy[1])})
                .toArray(double[][]::new);
    }

    @Test
    void eachArmGetsALineThroughItsRatesAndABandBetweenItsBounds() {
        List<SeriesPoint> points = List.of(
                point(0, "baseline", 80, 100, 0.71, 0.87), point(0, "candidate", 7, 10, 0.40, 0.89),
                point(1, "baseline", 60, 100, 0.50, 0.69), point(1, "candidate", 9, 10, 0.60, 0.98),
                point(2, "baseline", 70, 100, 0.60, 0.78), point(2, "candidate", 5, 10, 0.24, 0.76));

        RolloutChart chart = RolloutChart.wide(points, ARMS);

        assertThat(chart.empty()).isFalse();
        assertThat(chart.arms()).extracting(RolloutChart.ArmSeries::name).containsExactly("v3 baseline", "v4 candidate");
        assertThat(chart.arms()).extracting(RolloutChart.ArmSeries::css).containsExactly("arm-0", "arm-1");
        // the axis spans the intervals, rounded out to tens: 24 % … 98 % → 20 … 100 %
        assertThat(chart.yTicks()).extracting(RolloutChart.Tick::label).containsExactly("20 %", "60 %", "100 %");
        double bottom = chart.plotBottom();
        double top = chart.plotTop();
        java.util.function.DoubleUnaryOperator y = percent -> bottom - (bottom - top) * (percent - 20) / 80;

        RolloutChart.ArmSeries base = chart.arms().getFirst();
        double[][] line = coordinates(base.line());
        assertThat(line).hasNumberOfRows(3);
        assertThat(line[0][1]).isCloseTo(y.applyAsDouble(80), within(0.1));
        assertThat(line[1][1]).isCloseTo(y.applyAsDouble(60), within(0.1));
        assertThat(line[2][1]).isCloseTo(y.applyAsDouble(70), within(0.1));
        assertThat(line[0][0]).isLessThan(line[1][0]);
        assertThat(line[1][0]).isLessThan(line[2][0]);
        // evenly spaced hours
        assertThat(line[1][0] - line[0][0]).isCloseTo(line[2][0] - line[1][0], within(0.2));

        // the band: upper bounds left to right, then lower bounds right to left, closed
        assertThat(base.band()).endsWith("Z");
        double[][] band = coordinates(base.band());
        assertThat(band).hasNumberOfRows(6);
        assertThat(new double[]{band[0][1], band[1][1], band[2][1]}).containsExactly(
                new double[]{y.applyAsDouble(87), y.applyAsDouble(69), y.applyAsDouble(78)}, within(0.1));
        assertThat(new double[]{band[3][1], band[4][1], band[5][1]}).containsExactly(
                new double[]{y.applyAsDouble(60), y.applyAsDouble(50), y.applyAsDouble(71)}, within(0.1));
        assertThat(band[3][0]).isEqualTo(line[2][0]);
        assertThat(band[5][0]).isEqualTo(line[0][0]);

        // every point says its numbers
        assertThat(chart.arms().get(1).dots()).extracting(RolloutChart.Dot::title).containsExactly(
                "7 Dec 08:00 · v4 candidate: helpful 70 % (95 % interval 40 %–89 %, 10 rated)",
                "7 Dec 09:00 · v4 candidate: helpful 90 % (95 % interval 60 %–98 %, 10 rated)",
                "7 Dec 10:00 · v4 candidate: helpful 50 % (95 % interval 24 %–76 %, 10 rated)");
        assertThat(chart.arms().get(1).dots()).noneMatch(RolloutChart.Dot::lone);
        assertThat(chart.xTitle()).isEqualTo("Time (UTC), by hour");
    }

    @Test
    void aBucketWithoutRatingsBreaksTheLineAndALoneBucketIsADotWithAWhisker() {
        List<SeriesPoint> points = List.of(
                point(0, "candidate", 7, 10, 0.40, 0.89), point(0, "baseline", 8, 10, 0.49, 0.94),
                point(1, "candidate", 0, 0, 0, 1), point(1, "baseline", 8, 10, 0.49, 0.94),
                point(2, "candidate", 6, 10, 0.31, 0.83), point(2, "baseline", 8, 10, 0.49, 0.94),
                point(3, "candidate", 8, 10, 0.49, 0.94), point(3, "baseline", 8, 10, 0.49, 0.94));

        RolloutChart chart = RolloutChart.wide(points, ARMS);
        RolloutChart.ArmSeries candidate = chart.arms().get(1);

        // hour 0 alone (hour 1 has no rated answer), then hours 2–3 as a line
        assertThat(candidate.dots()).hasSize(3);
        assertThat(candidate.dots().getFirst().lone()).isTrue();
        assertThat(candidate.dots().getFirst().low()).isGreaterThan(candidate.dots().getFirst().high()); // svg y grows down
        assertThat(candidate.dots().subList(1, 3)).noneMatch(RolloutChart.Dot::lone);
        assertThat(coordinates(candidate.line())).hasNumberOfRows(2);
        assertThat(candidate.line()).startsWith("M").doesNotContain("Z").containsOnlyOnce("M");
        assertThat(candidate.band()).containsOnlyOnce("M").endsWith("Z");
        // the baseline, rated every hour, is one unbroken line
        assertThat(coordinates(chart.arms().getFirst().line())).hasNumberOfRows(4);
    }

    @Test
    void withoutRatedAnswersTheChartIsEmptyButKeepsItsLegend() {
        RolloutChart chart = RolloutChart.narrow(List.of(point(0, "baseline", 0, 0, 0, 1)), ARMS);

        assertThat(chart.empty()).isTrue();
        assertThat(chart.arms()).extracting(RolloutChart.ArmSeries::name).containsExactly("v3 baseline", "v4 candidate");
        assertThat(chart.arms()).allMatch(a -> a.line().isEmpty() && a.band().isEmpty() && a.dots().isEmpty());
        assertThat(RolloutChart.narrow(List.of(), ARMS).empty()).isTrue();
    }

    @Test
    void timeLabelsStayInsideTheBoxAndDailyBucketsAreLabelledByDay() {
        List<SeriesPoint> hourly = new java.util.ArrayList<>();
        for (int h = 0; h < 30; h++) {
            hourly.add(point(h, "baseline", 80, 100, 0.71, 0.87));
        }
        RolloutChart narrow = RolloutChart.narrow(hourly, ARMS);
        assertThat(narrow.xTicks()).hasSize(3);
        assertThat(narrow.xTicks().getFirst().anchor()).isEqualTo("start");
        assertThat(narrow.xTicks().getFirst().at()).isEqualTo(narrow.plotLeft());
        assertThat(narrow.xTicks().getLast().anchor()).isEqualTo("end");
        assertThat(narrow.xTicks().getLast().at()).isEqualTo(narrow.plotRight());
        assertThat(narrow.xTicks().getFirst().label()).isEqualTo("7 Dec 08:00");
        assertThat(narrow.xTicks().getLast().label()).isEqualTo("8 Dec 13:00");
        assertThat(RolloutChart.wide(hourly, ARMS).xTicks()).hasSize(6);

        List<SeriesPoint> daily = List.of(
                new SeriesPoint(T0, "baseline", Rate.of(80, 100), new Interval(0.71, 0.87)),
                new SeriesPoint(T0.plus(Duration.ofDays(1)), "baseline", Rate.of(82, 100), new Interval(0.73, 0.88)));
        RolloutChart byDay = RolloutChart.wide(daily, ARMS);
        assertThat(byDay.xTitle()).isEqualTo("Time (UTC), by day");
        assertThat(byDay.xTicks()).extracting(RolloutChart.Tick::label).containsExactly("7 Dec", "8 Dec");
    }

    @Test
    void aNarrowRangeIsWidenedSoThatSmallDifferencesDoNotFillTheChart() {
        RolloutChart chart = RolloutChart.wide(List.of(point(0, "baseline", 95, 100, 0.89, 0.98),
                point(1, "baseline", 96, 100, 0.90, 0.98)), ARMS);

        assertThat(chart.yTicks()).extracting(RolloutChart.Tick::label).containsExactly("80 %", "90 %", "100 %");
    }
}
