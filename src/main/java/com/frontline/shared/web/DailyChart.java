package com.frontline.shared.web;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.IntFunction;

/**
 * A chart of one figure per day, drawn on the server as inline SVG by the fragment {@code fragments/chart :: chart}:
 * bars (stacked where a day has parts), lines (broken on days without a value) and a dashed reference line, in a
 * {@value #WIDTH}×{@value #HEIGHT} box that scales to the page. Every bar and dot carries its numbers as a title; the
 * pages put the same figures in tables or cards for screen readers. The usage dashboard and the analytics page build
 * theirs with {@link #over}.
 *
 * @param label    what the chart shows, for its {@code aria-label}
 * @param plotLeft where the plot starts (room for the value labels, which differ in width)
 */
public record DailyChart(String label, List<Rect> bars, List<Path> lines, List<Tick> yTicks, List<Tick> xTicks,
                         @Nullable Reference reference, boolean empty, double plotLeft) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 220;
    public static final double RIGHT = 10;
    public static final double TOP = 12;
    public static final double BOTTOM = 28;
    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    public DailyChart {
        bars = List.copyOf(bars);
        lines = List.copyOf(lines);
        yTicks = List.copyOf(yTicks);
        xTicks = List.copyOf(xTicks);
    }

    /** A bar or a stacked part of one; {@code title} is its tooltip. */
    public record Rect(double x, double y, double w, double h, String css, String title) {
    }

    /** A line: its SVG path, its CSS class, its name for the legend, and a dot for each day between two gaps. */
    public record Path(String d, String css, String name, List<Dot> dots) {

        public Path {
            dots = List.copyOf(dots);
        }
    }

    /** A day whose neighbours have no value: a dot, since a line needs two points. */
    public record Dot(double x, double y, String title) {
    }

    /**
     * An axis label at a position (y for the value axis, x for days); {@code anchor} is its SVG text-anchor, so the
     * first and last day labels stay inside the box.
     */
    public record Tick(double at, String label, String anchor) {
    }

    /** A horizontal dashed line with its label (the usage budget's daily pace, say). */
    public record Reference(double y, String label) {
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public double plotRight() {
        return WIDTH - RIGHT;
    }

    public double plotBottom() {
        return HEIGHT - BOTTOM;
    }

    /** A day as the charts label it ("7 Dec"), for the titles of bars. */
    public static String day(LocalDate day) {
        return day.format(TICK);
    }

    /** Starts a chart over these days (one slot each, oldest first), its plot {@code left} from the box's edge. */
    public static Builder over(List<LocalDate> days, double left, Scale scale) {
        return new Builder(days, left, scale);
    }

    /** Collects a chart's bars and lines, then {@link #build}s it with its axis labels. */
    public static final class Builder {

        private final List<LocalDate> days;
        private final double left;
        private final Scale scale;
        private final List<Rect> bars = new ArrayList<>();
        private final List<Path> lines = new ArrayList<>();

        private Builder(List<LocalDate> days, double left, Scale scale) {
            this.days = List.copyOf(days);
            this.left = left;
            this.scale = scale;
        }

        private double slot() {
            return (WIDTH - left - RIGHT) / days.size();
        }

        /** A bar (or a part of one stacked on {@code base}) on the {@code i}th day. */
        public Builder bar(int i, double base, double value, String css, String title) {
            int n = days.size();
            double slot = slot();
            double w = Math.max(1, slot * (n > 60 ? 0.8 : 0.68));
            double x = left + i * slot + (slot - w) / 2;
            double top = scale.y(base + value);
            double bottom = scale.y(base);
            bars.add(new Rect(round(x), round(top), round(w), round(Math.max(0.5, bottom - top)), css, title));
            return this;
        }

        /**
         * A line through each day's value (null: none that day, which breaks the line); a day with a value between
         * two without is a dot titled "{day}: {name} {dotLabel(value)}".
         */
        public Builder line(IntFunction<@Nullable Double> value, String css, String name,
                            DoubleFunction<String> dotLabel) {
            StringBuilder d = new StringBuilder();
            List<Dot> dots = new ArrayList<>();
            boolean drawing = false;
            double slot = slot();
            for (int i = 0; i < days.size(); i++) {
                Double v = value.apply(i);
                if (v == null) {
                    drawing = false;
                    continue;
                }
                double x = left + i * slot + slot / 2;
                double y = scale.y(v);
                boolean nextMissing = i + 1 >= days.size() || value.apply(i + 1) == null;
                if (!drawing && nextMissing) {
                    dots.add(new Dot(round(x), y, day(days.get(i)) + ": " + name + " " + dotLabel.apply(v)));
                    continue;
                }
                if (!d.isEmpty()) {
                    d.append(' ');
                }
                d.append(drawing ? "L" : "M").append(fmt(x)).append(' ').append(fmt(y));
                drawing = true;
            }
            lines.add(new Path(d.toString(), css, name, dots));
            return this;
        }

        /** The chart, its value axis labelled by {@code yLabel} at 0, half and the top of the scale. */
        public DailyChart build(String label, DoubleFunction<String> yLabel, @Nullable Reference reference,
                                boolean empty) {
            return new DailyChart(label, bars, lines, scale.ticks(yLabel), xTicks(), reference, empty, left);
        }

        /** About six day labels along the axis: the first, the last and evenly in between. */
        private List<Tick> xTicks() {
            int n = days.size();
            double slot = slot();
            int step = Math.max(1, (int) Math.ceil(n / 6.0));
            List<Tick> ticks = new ArrayList<>();
            for (int i = 0; i < n; i += step) {
                if (n - 1 - i <= step * 0.8 && i != 0) {
                    break; // too close to the last label
                }
                ticks.add(new Tick(round(left + i * slot + slot / 2), day(days.get(i)),
                        i == 0 && n > 1 ? "start" : "middle"));
            }
            if (n > 1) {
                ticks.add(new Tick(round(WIDTH - RIGHT), day(days.get(n - 1)), "end"));
            }
            return ticks;
        }
    }

    /** A value axis from 0 to a round maximum, with labels at 0, half and the maximum. */
    public record Scale(double max) {

        /** The least round number (1, 2, 2.5 or 5 times a power of ten) at or above {@code max}. */
        public static Scale of(double max) {
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

        /** As {@link #of}, but at least 4 for counts, so that the half and the top are whole numbers. */
        public static Scale ofCounts(double max) {
            return max > 0 && max < 4 ? new Scale(4) : of(max);
        }

        /** The y of a value in the box. */
        public double y(double value) {
            return round(HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * Math.min(1, value / max));
        }

        List<Tick> ticks(DoubleFunction<String> label) {
            return List.of(new Tick(y(0), label.apply(0), "end"), new Tick(y(max / 2), label.apply(max / 2), "end"),
                    new Tick(y(max), label.apply(max), "end"));
        }
    }

    /** A count for an axis: 950, 12.5k, 1.2M. */
    public static String count(double v) {
        if (v >= 1_000_000) {
            return trim(v / 1_000_000) + "M";
        }
        if (v >= 10_000) {
            return trim(v / 1000) + "k";
        }
        return trim(v);
    }

    /** One decimal, without a trailing ".0". */
    public static String trim(double v) {
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
