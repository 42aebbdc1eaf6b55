package com.frontline.llm.web;

import com.frontline.llm.internal.UsageReport;
import com.frontline.llm.internal.UsageTotals;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * A chart of one figure per day for the usage dashboard, drawn on the server as inline SVG like the other charts:
 * bars (stacked where a day has parts), lines (broken on days without calls) and a dashed reference line, in a
 * {@value #WIDTH}×{@value #HEIGHT} box that scales to the page. Every bar and dot carries its numbers as a title; the
 * tables below the charts hold the same figures for screen readers.
 *
 * @param label what the chart shows, for its {@code aria-label}
 */
public record UsageChart(String label, List<Rect> bars, List<Path> lines, List<Tick> yTicks, List<Tick> xTicks,
                         @Nullable Reference reference, boolean empty) {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final double LEFT = 76;
    static final double RIGHT = 10;
    static final double TOP = 12;
    static final double BOTTOM = 28;
    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** A bar or a stacked part of one; {@code title} is its tooltip. */
    public record Rect(double x, double y, double w, double h, String css, String title) {
    }

    /** A line: its SVG path, its CSS class, its name for the legend, and a dot for each day between two gaps. */
    public record Path(String d, String css, String name, List<Dot> dots) {
    }

    /** A day whose neighbours have no calls: a dot, since a line needs two points. */
    public record Dot(double x, double y, String title) {
    }

    /**
     * An axis label at a position (y for the value axis, x for days); {@code anchor} is its SVG text-anchor, so the
     * first and last day labels stay inside the box.
     */
    public record Tick(double at, String label, String anchor) {

        Tick(double at, String label) {
            this(at, label, "middle");
        }
    }

    /** A horizontal dashed line with its label (the budget's daily pace). */
    public record Reference(double y, String label) {
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public double plotLeft() {
        return LEFT;
    }

    public double plotRight() {
        return WIDTH - RIGHT;
    }

    public double plotBottom() {
        return HEIGHT - BOTTOM;
    }

    /** Calls per day: succeeded calls with the failed ones stacked on top. */
    static UsageChart calls(List<UsageReport.Day> days) {
        double max = days.stream().mapToDouble(d -> d.totals().calls()).max().orElse(0);
        Scale scale = Scale.of(max);
        List<Rect> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            UsageTotals t = days.get(i).totals();
            String day = days.get(i).day().format(TICK);
            long ok = t.successes();
            long failed = t.calls() - t.successes();
            double base = 0;
            if (ok > 0) {
                bars.add(bar(i, days.size(), scale, base, ok, "ok", day + ": " + ok + " succeeded"));
                base += ok;
            }
            if (failed > 0) {
                bars.add(bar(i, days.size(), scale, base, failed, "failed", day + ": " + failed + " failed"
                        + (t.failovers() > 0 ? ", " + t.failovers() + " failovers" : "")));
            }
        }
        return new UsageChart("Calls per day, succeeded and failed", bars, List.of(),
                scale.ticks(UsageChart::count), xTicks(days), null, max == 0);
    }

    /** Cost per day, with the budget's daily pace (the monthly budget over the month's days) when there is one. */
    static UsageChart cost(List<UsageReport.Day> days, UsageReport.Budget budget) {
        double max = days.stream().mapToDouble(d -> d.totals().costUsd().doubleValue()).max().orElse(0);
        Double pace = null;
        if (budget.budgetUsd() != null && budget.budgetUsd().signum() > 0) {
            pace = budget.budgetUsd().doubleValue() / budget.monthStart().lengthOfMonth();
            max = Math.max(max, pace);
        }
        Scale scale = Scale.of(max);
        List<Rect> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            BigDecimal cost = days.get(i).totals().costUsd();
            if (cost.signum() > 0) {
                bars.add(bar(i, days.size(), scale, 0, cost.doubleValue(), "cost",
                        days.get(i).day().format(TICK) + ": " + money(cost.doubleValue())));
            }
        }
        Reference reference = pace == null ? null
                : new Reference(scale.y(pace), "Budget pace " + money(pace) + " a day");
        boolean empty = days.stream().allMatch(d -> d.totals().costUsd().signum() == 0);
        return new UsageChart("Cost per day in US dollars", bars, List.of(), scale.ticks(UsageChart::money),
                xTicks(days), reference, empty);
    }

    /** The latency percentiles per day (p50, p95, p99) as lines; days without calls break them. */
    static UsageChart latency(List<UsageReport.Day> days) {
        double max = days.stream().mapToDouble(d -> d.totals().p99()).max().orElse(0);
        Scale scale = Scale.of(max);
        List<Path> lines = List.of(
                line(days, scale, t -> t.p50(), "p50", "p50 (median)"),
                line(days, scale, t -> t.p95(), "p95", "p95"),
                line(days, scale, t -> t.p99(), "p99", "p99"));
        return new UsageChart("Latency per day: p50, p95 and p99", List.of(), lines,
                scale.ticks(UsageChart::duration), xTicks(days), null,
                days.stream().allMatch(d -> d.totals().calls() == 0));
    }

    private static Rect bar(int i, int n, Scale scale, double base, double value, String css, String title) {
        double slot = (WIDTH - LEFT - RIGHT) / n;
        double w = Math.max(1, slot * (n > 60 ? 0.8 : 0.68));
        double x = LEFT + i * slot + (slot - w) / 2;
        double top = scale.y(base + value);
        double bottom = scale.y(base);
        return new Rect(round(x), round(top), round(w), round(Math.max(0.5, bottom - top)), css, title);
    }

    private static Path line(List<UsageReport.Day> days, Scale scale, ToDoubleFunction<UsageTotals> value, String css,
                             String name) {
        StringBuilder d = new StringBuilder();
        List<Dot> dots = new ArrayList<>();
        boolean drawing = false;
        double slot = (WIDTH - LEFT - RIGHT) / days.size();
        for (int i = 0; i < days.size(); i++) {
            UsageTotals t = days.get(i).totals();
            if (t.calls() == 0) {
                drawing = false;
                continue;
            }
            double x = LEFT + i * slot + slot / 2;
            double v = value.applyAsDouble(t);
            double y = scale.y(v);
            if (!drawing && (i + 1 >= days.size() || days.get(i + 1).totals().calls() == 0)) {
                dots.add(new Dot(round(x), y, days.get(i).day().format(TICK) + ": " + name + " " + duration(v)));
                continue;
            }
            if (!d.isEmpty()) {
                d.append(' ');
            }
            d.append(drawing ? "L" : "M").append(fmt(x)).append(' ').append(fmt(y));
            drawing = true;
        }
        return new Path(d.toString(), css, name, dots);
    }

    /** About six day labels along the axis: the first, the last and evenly in between. */
    private static List<Tick> xTicks(List<UsageReport.Day> days) {
        int n = days.size();
        double slot = (WIDTH - LEFT - RIGHT) / n;
        int step = Math.max(1, (int) Math.ceil(n / 6.0));
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < n; i += step) {
            if (n - 1 - i <= step * 0.8 && i != 0) {
                break; // too close to the last label
            }
            ticks.add(new Tick(round(LEFT + i * slot + slot / 2), days.get(i).day().format(TICK),
                    i == 0 && n > 1 ? "start" : "middle"));
        }
        if (n > 1) {
            ticks.add(new Tick(round(WIDTH - RIGHT), days.get(n - 1).day().format(TICK), "end"));
        }
        return ticks;
    }

    /** A value axis from 0 to a round maximum, with labels at 0, half and the maximum. */
    record Scale(double max) {

        static Scale of(double max) {
            if (max <= 0) {
                return new Scale(1);
            }
            double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
            for (double step : new double[]{1, 2, 2.5, 5, 10}) {
                if (step * magnitude >= max) {
                    return new Scale(step * magnitude);
                }
            }
            return new Scale(10 * magnitude);
        }

        double y(double value) {
            return round(HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * Math.min(1, value / max));
        }

        List<Tick> ticks(DoubleFunction<String> label) {
            return List.of(new Tick(y(0), label.apply(0)), new Tick(y(max / 2), label.apply(max / 2)),
                    new Tick(y(max), label.apply(max)));
        }
    }

    static String count(double v) {
        if (v >= 1_000_000) {
            return trim(v / 1_000_000) + "M";
        }
        if (v >= 10_000) {
            return trim(v / 1000) + "k";
        }
        return trim(v);
    }

    static String money(double v) {
        if (v == 0) {
            return "$0";
        }
        if (v >= 1000) {
            return "$" + trim(v / 1000) + "k";
        }
        return v >= 1 ? "$" + trim(v) : "$" + String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "")
                .replaceAll("\\.$", "");
    }

    static String duration(double ms) {
        return ms >= 1000 ? trim(ms / 1000) + " s" : Math.round(ms) + " ms";
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
