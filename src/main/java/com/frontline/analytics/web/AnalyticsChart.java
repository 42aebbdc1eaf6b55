package com.frontline.analytics.web;

import com.frontline.analytics.DayFigures;
import org.jspecify.annotations.Nullable;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A chart of one figure per day for the analytics page, drawn on the server as inline SVG by the usage dashboard's
 * chart fragment ({@code llm/usage :: chart}): this record has the accessors that fragment reads (bars, lines, ticks,
 * reference) and the same {@value #WIDTH}×{@value #HEIGHT} box. Every bar and dot carries its numbers as a title.
 *
 * @param label what the chart shows, for its {@code aria-label}
 */
public record AnalyticsChart(String label, List<Rect> bars, List<Path> lines, List<Tick> yTicks, List<Tick> xTicks,
                             @Nullable Reference reference, boolean empty) {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final double LEFT = 56;
    static final double RIGHT = 10;
    static final double TOP = 12;
    static final double BOTTOM = 28;
    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    public record Rect(double x, double y, double w, double h, String css, String title) {
    }

    public record Path(String d, String css, String name, List<Dot> dots) {
    }

    public record Dot(double x, double y, String title) {
    }

    public record Tick(double at, String label, String anchor) {
    }

    /** Unused here (the usage charts draw a budget line); kept for the shared fragment. */
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

    /** Conversations per day: resolved without a person, handed off, and the rest stacked. */
    static AnalyticsChart conversations(List<DayFigures> days) {
        double max = days.stream().mapToDouble(DayFigures::conversations).max().orElse(0);
        Scale scale = Scale.of(max);
        List<Rect> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            DayFigures d = days.get(i);
            String day = d.day().format(TICK);
            int other = d.conversations() - d.deflected() - d.handoffs();
            double base = 0;
            int[] parts = {d.deflected(), d.handoffs(), Math.max(0, other)};
            String[] css = {"deflected", "handoff", "other"};
            String[] what = {"resolved without a person", "handed off", "other (open, or answered by a person)"};
            for (int p = 0; p < parts.length; p++) {
                if (parts[p] > 0) {
                    bars.add(bar(i, days.size(), scale, base, parts[p], css[p], day + ": " + parts[p] + " "
                            + what[p] + " of " + d.conversations()));
                    base += parts[p];
                }
            }
        }
        return new AnalyticsChart("Conversations per day: resolved without a person, handed off, other", bars,
                List.of(), scale.ticks(AnalyticsChart::count), xTicks(days), null, max == 0);
    }

    /** Customer messages per day. */
    static AnalyticsChart messages(List<DayFigures> days) {
        double max = days.stream().mapToDouble(DayFigures::customerMessages).max().orElse(0);
        Scale scale = Scale.of(max);
        List<Rect> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            DayFigures d = days.get(i);
            if (d.customerMessages() > 0) {
                bars.add(bar(i, days.size(), scale, 0, d.customerMessages(), "messages",
                        d.day().format(TICK) + ": " + d.customerMessages() + " customer messages"));
            }
        }
        return new AnalyticsChart("Customer messages per day", bars, List.of(), scale.ticks(AnalyticsChart::count),
                xTicks(days), null, max == 0);
    }

    /** The daily rates in percent: deflection and handoff (of conversations), fallback (of answers). */
    static AnalyticsChart rates(List<DayFigures> days) {
        Scale scale = new Scale(1);
        List<Path> lines = List.of(
                line(days, scale, d -> d.conversations() == 0 ? null : (double) d.deflected() / d.conversations(),
                        "deflection", "Resolved without a person"),
                line(days, scale, d -> d.conversations() == 0 ? null : (double) d.handoffs() / d.conversations(),
                        "handoff", "Handoff rate"),
                line(days, scale, d -> d.answers() == 0 ? null : (double) d.fallbacks() / d.answers(),
                        "fallback", "Fallback rate"));
        return new AnalyticsChart("Rates per day: resolved without a person, handoffs, fallbacks", List.of(), lines,
                scale.ticks(v -> Math.round(v * 100) + " %"), xTicks(days), null,
                days.stream().allMatch(d -> d.conversations() == 0 && d.answers() == 0));
    }

    private static Rect bar(int i, int n, Scale scale, double base, double value, String css, String title) {
        double slot = (WIDTH - LEFT - RIGHT) / n;
        double w = Math.max(1, slot * (n > 60 ? 0.8 : 0.68));
        double x = LEFT + i * slot + (slot - w) / 2;
        double top = scale.y(base + value);
        double bottom = scale.y(base);
        return new Rect(round(x), round(top), round(w), round(Math.max(0.5, bottom - top)), css, title);
    }

    private static Path line(List<DayFigures> days, Scale scale, Function<DayFigures, @Nullable Double> value,
                             String css, String name) {
        StringBuilder d = new StringBuilder();
        List<Dot> dots = new ArrayList<>();
        boolean drawing = false;
        double slot = (WIDTH - LEFT - RIGHT) / days.size();
        for (int i = 0; i < days.size(); i++) {
            Double v = value.apply(days.get(i));
            if (v == null) {
                drawing = false;
                continue;
            }
            double x = LEFT + i * slot + slot / 2;
            double y = scale.y(v);
            boolean nextMissing = i + 1 >= days.size() || value.apply(days.get(i + 1)) == null;
            if (!drawing && nextMissing) {
                dots.add(new Dot(round(x), y, days.get(i).day().format(TICK) + ": " + name + " "
                        + Math.round(v * 100) + " %"));
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
    private static List<Tick> xTicks(List<DayFigures> days) {
        int n = days.size();
        double slot = (WIDTH - LEFT - RIGHT) / n;
        int step = Math.max(1, (int) Math.ceil(n / 6.0));
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < n; i += step) {
            if (n - 1 - i <= step * 0.8 && i != 0) {
                break;
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
            if (max < 4) {
                return new Scale(4); // whole numbers at half and top
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

        List<Tick> ticks(java.util.function.DoubleFunction<String> label) {
            return List.of(new Tick(y(0), label.apply(0), "end"), new Tick(y(max / 2), label.apply(max / 2), "end"),
                    new Tick(y(max), label.apply(max), "end"));
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
