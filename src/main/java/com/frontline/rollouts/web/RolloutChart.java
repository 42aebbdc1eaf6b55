package com.frontline.rollouts.web;

import com.frontline.rollouts.ExperimentArm;
import com.frontline.rollouts.SeriesPoint;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The helpful rate of each arm over time, with its confidence interval as a shaded band, drawn on the server as
 * inline SVG like the portal's other charts. Buckets without a rated answer break an arm's line and band; a bucket
 * alone between two gaps is a dot with a whisker. The value axis spans the data's intervals, rounded out to 10 %
 * steps (at least 20 points high), so that a few points of difference stay visible.
 *
 * @param label what the chart shows, for its {@code aria-label}
 * @param arms  one entry per arm, baseline first, in the colours of the legend
 */
public record RolloutChart(String label, int width, int height, List<ArmSeries> arms, List<Tick> yTicks,
                           List<Tick> xTicks, String xTitle, boolean empty) {

    /** A wide box for pages wider than a phone and a narrower, taller one for phones; CSS shows one of them. */
    static final int WIDE = 640;
    static final int WIDE_HEIGHT = 250;
    static final int NARROW = 360;
    static final int NARROW_HEIGHT = 260;
    static final double LEFT = 62;
    static final double RIGHT = 12;
    static final double TOP = 14;
    static final double BOTTOM = 44;

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_HOUR = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /**
     * One arm: its line through the rates and the band between the interval's bounds (SVG paths, one sub-path per
     * run of buckets without a gap), and a dot per bucket carrying its numbers as a title.
     *
     * @param css   {@code arm-0} for the baseline, {@code arm-1} … for the others: the colour
     * @param name  the legend's words ("v3 baseline")
     */
    public record ArmSeries(String arm, String name, String css, String line, String band, List<Dot> dots) {
    }

    /** A bucket's point; {@code lone} dots (no neighbour to draw a line to) get a whisker from low to high. */
    public record Dot(double x, double y, double low, double high, boolean lone, String title) {
    }

    /** An axis label; {@code anchor} is its SVG text-anchor, so the first and last labels stay inside the box. */
    public record Tick(double at, String label, String anchor) {
    }

    public double plotLeft() {
        return LEFT;
    }

    public double plotRight() {
        return width - RIGHT;
    }

    public double plotTop() {
        return TOP;
    }

    public double plotBottom() {
        return height - BOTTOM;
    }

    /** The chart for pages wider than a phone. */
    static RolloutChart wide(List<SeriesPoint> points, List<ExperimentArm> arms) {
        return of(points, arms, WIDE, WIDE_HEIGHT, 6);
    }

    /** The chart for phones: fewer time labels, the same text size in a smaller box. */
    static RolloutChart narrow(List<SeriesPoint> points, List<ExperimentArm> arms) {
        return of(points, arms, NARROW, NARROW_HEIGHT, 3);
    }

    static RolloutChart of(List<SeriesPoint> points, List<ExperimentArm> arms, int width, int height, int maxTicks) {
        List<SeriesPoint> rated = points.stream().filter(p -> !p.helpful().isEmpty()).toList();
        TreeSet<Instant> buckets = new TreeSet<>();
        points.forEach(p -> buckets.add(p.from()));
        Duration bucket = bucketSize(buckets);
        String xTitle = "Time (UTC), " + (bucket.compareTo(Duration.ofDays(1)) >= 0 ? "by day" : "by hour");
        if (rated.isEmpty()) {
            List<ArmSeries> none = new ArrayList<>();
            for (int i = 0; i < arms.size(); i++) {
                none.add(new ArmSeries(arms.get(i).name(), legend(arms.get(i), i), "arm-" + i, "", "", List.of()));
            }
            Scale scale = new Scale(0, 100, height);
            return new RolloutChart("Helpful rate per arm over time: no rated answers yet", width, height, none,
                    scale.ticks(), List.of(), xTitle, true);
        }
        double low = rated.stream().mapToDouble(p -> p.ci().lower()).min().orElse(0) * 100;
        double high = rated.stream().mapToDouble(p -> p.ci().upper()).max().orElse(1) * 100;
        Scale scale = Scale.around(low, high, height);
        Instant first = buckets.first();
        Instant last = buckets.last();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < arms.size(); i++) {
            index.put(arms.get(i).name(), i);
        }
        for (SeriesPoint p : points) { // an arm the experiment no longer lists still gets a colour
            index.putIfAbsent(p.arm(), index.size());
        }
        List<ArmSeries> series = new ArrayList<>();
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            ExperimentArm arm = e.getValue() < arms.size() ? arms.get(e.getValue()) : null;
            String name = arm == null ? e.getKey() : legend(arm, e.getValue());
            List<SeriesPoint> mine = points.stream().filter(p -> p.arm().equals(e.getKey()))
                    .sorted(java.util.Comparator.comparing(SeriesPoint::from)).toList();
            series.add(series(e.getKey(), name, "arm-" + e.getValue(), mine, buckets, bucket, scale,
                    x -> xAt(x, first, last, width)));
        }
        return new RolloutChart("Helpful rate per arm over time, with 95 % confidence bands", width, height, series,
                scale.ticks(), xTicks(first, last, bucket, width, maxTicks), xTitle, false);
    }

    /** "v3 baseline", "v4 candidate", "v5 arm c". */
    static String legend(ExperimentArm arm, int index) {
        String role = index == 0 ? "baseline" : "candidate".equals(arm.name()) ? "candidate" : "arm " + arm.name();
        return "v" + arm.version() + " " + role;
    }

    private static ArmSeries series(String arm, String name, String css, List<SeriesPoint> points,
                                    TreeSet<Instant> buckets, Duration bucket, Scale scale,
                                    java.util.function.Function<Instant, Double> x) {
        // runs of consecutive buckets with rated answers; a bucket missing or without ratings ends a run
        List<List<SeriesPoint>> runs = new ArrayList<>();
        List<SeriesPoint> run = new ArrayList<>();
        Instant expected = null;
        for (SeriesPoint p : points) {
            boolean adjacent = expected != null && !p.from().isAfter(expected);
            if (p.helpful().isEmpty() || !adjacent) {
                if (!run.isEmpty()) {
                    runs.add(run);
                }
                run = new ArrayList<>();
            }
            if (!p.helpful().isEmpty()) {
                run.add(p);
            }
            Instant next = buckets.higher(p.from());
            expected = next == null ? p.from().plus(bucket) : next;
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        StringBuilder line = new StringBuilder();
        StringBuilder band = new StringBuilder();
        List<Dot> dots = new ArrayList<>();
        for (List<SeriesPoint> r : runs) {
            boolean lone = r.size() == 1;
            for (SeriesPoint p : r) {
                dots.add(new Dot(x.apply(p.from()), scale.y(p.helpful().value() * 100), scale.y(p.ci().lower() * 100),
                        scale.y(p.ci().upper() * 100), lone, title(name, p, bucket)));
            }
            if (lone) {
                continue;
            }
            for (int i = 0; i < r.size(); i++) {
                SeriesPoint p = r.get(i);
                line.append(line.isEmpty() ? "" : " ").append(i == 0 ? "M" : "L")
                        .append(fmt(x.apply(p.from()))).append(' ').append(fmt(scale.y(p.helpful().value() * 100)));
            }
            // the band: along the upper bounds left to right, back along the lower bounds, closed
            for (int i = 0; i < r.size(); i++) {
                SeriesPoint p = r.get(i);
                band.append(band.isEmpty() ? "" : " ").append(i == 0 ? "M" : "L")
                        .append(fmt(x.apply(p.from()))).append(' ').append(fmt(scale.y(p.ci().upper() * 100)));
            }
            for (int i = r.size() - 1; i >= 0; i--) {
                SeriesPoint p = r.get(i);
                band.append(" L").append(fmt(x.apply(p.from()))).append(' ')
                        .append(fmt(scale.y(p.ci().lower() * 100)));
            }
            band.append(" Z");
        }
        return new ArmSeries(arm, name, css, line.toString(), band.toString(), dots);
    }

    private static String title(String name, SeriesPoint p, Duration bucket) {
        String when = (bucket.compareTo(Duration.ofDays(1)) >= 0 ? DAY : DAY_HOUR).format(p.from());
        return String.format(Locale.ROOT, "%s · %s: helpful %s (95 %% interval %s–%s, %d rated)", when, name,
                percent(p.helpful().value()), percent(p.ci().lower()), percent(p.ci().upper()),
                p.helpful().count());
    }

    static String percent(double fraction) {
        double v = fraction * 100;
        return (Math.abs(v - Math.rint(v)) < 0.05 ? String.valueOf(Math.round(v))
                : String.format(Locale.ROOT, "%.1f", v)) + " %";
    }

    /** The smallest gap between two buckets (an hour when there is only one). */
    static Duration bucketSize(TreeSet<Instant> buckets) {
        Duration smallest = null;
        Instant before = null;
        for (Instant b : buckets) {
            if (before != null) {
                Duration d = Duration.between(before, b);
                if (smallest == null || d.compareTo(smallest) < 0) {
                    smallest = d;
                }
            }
            before = b;
        }
        return smallest == null || smallest.isZero() ? Duration.ofHours(1) : smallest;
    }

    private static double xAt(Instant at, Instant first, Instant last, int width) {
        double span = Duration.between(first, last).toMillis();
        double fraction = span == 0 ? 0.5 : Duration.between(first, at).toMillis() / span;
        // a little room at both ends, so the first and last dots are not cut by the axis
        double left = LEFT + 8;
        double right = width - RIGHT - 8;
        return round(left + (right - left) * fraction);
    }

    /** The first and the last bucket and evenly spaced ones between, as many as fit. */
    private static List<Tick> xTicks(Instant first, Instant last, Duration bucket, int width, int maxTicks) {
        boolean daily = bucket.compareTo(Duration.ofDays(1)) >= 0;
        boolean sameDay = first.atZone(ZoneOffset.UTC).toLocalDate().equals(last.atZone(ZoneOffset.UTC).toLocalDate());
        DateTimeFormatter f = daily ? DAY : sameDay ? HOUR : DAY_HOUR;
        if (!daily && !sameDay && width < WIDE) {
            f = Duration.between(first, last).compareTo(Duration.ofDays(2)) > 0 ? DAY : DAY_HOUR;
        }
        List<Tick> ticks = new ArrayList<>();
        if (first.equals(last)) {
            ticks.add(new Tick(xAt(first, first, last, width), f.format(first), "middle"));
            return ticks;
        }
        long steps = Math.max(1, Duration.between(first, last).dividedBy(bucket));
        int n = (int) Math.min(maxTicks, steps + 1);
        for (int i = 0; i < n; i++) {
            Instant at = first.plus(bucket.multipliedBy(Math.round((double) steps * i / (n - 1))));
            String anchor = i == 0 ? "start" : i == n - 1 ? "end" : "middle";
            double x = i == 0 ? LEFT : i == n - 1 ? width - RIGHT : xAt(at, first, last, width);
            ticks.add(new Tick(x, f.format(at), anchor));
        }
        return ticks;
    }

    /** The value axis in percent, from {@code min} to {@code max}. */
    record Scale(double min, double max, int height) {

        static Scale around(double low, double high, int height) {
            double min = Math.max(0, Math.floor(low / 10) * 10);
            double max = Math.min(100, Math.ceil(high / 10) * 10);
            while (max - min < 20) {
                if (max < 100) {
                    max += 10;
                } else {
                    min -= 10;
                }
            }
            return new Scale(min, max, height);
        }

        double y(double percent) {
            double clamped = Math.max(min, Math.min(max, percent));
            return round(height - BOTTOM - (height - TOP - BOTTOM) * (clamped - min) / (max - min));
        }

        List<Tick> ticks() {
            double mid = (min + max) / 2;
            return List.of(new Tick(y(min), label(min), "end"), new Tick(y(mid), label(mid), "end"),
                    new Tick(y(max), label(max), "end"));
        }

        private static String label(double v) {
            return (Math.rint(v) == v ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v)) + " %";
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
