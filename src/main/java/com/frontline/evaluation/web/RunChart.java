package com.frontline.evaluation.web;

import com.frontline.evaluation.EvaluationRun;
import com.frontline.evaluation.RunStatus;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The totals of the finished runs over time as an inline SVG line chart (0–100 %): answer rate, citation hit rate and
 * mean token F1, oldest run on the left. A few lines of arithmetic, drawn on the server like the other charts.
 */
public record RunChart(List<Series> series, List<Tick> ticks, int width, int height) {

    static final int WIDTH = 480;
    static final int HEIGHT = 180;
    static final int PAD_LEFT = 48;
    static final int PAD = 20;
    /** The most runs drawn. */
    static final int RUNS = 20;

    /** One line: its name, its CSS class, the polyline's points and a dot per run with a value. */
    public record Series(String name, String css, String points, List<Dot> dots) {
    }

    public record Dot(double x, double y, String title) {
    }

    /** A run's label under the x axis. */
    public record Tick(double x, String label) {
    }

    /** The chart of the finished runs among {@code runs} (newest first, as the page lists them); empty for none. */
    static RunChart of(List<EvaluationRun> runs) {
        List<EvaluationRun> done = new ArrayList<>(runs.stream().filter(r -> r.status() == RunStatus.DONE)
                .limit(RUNS).toList());
        java.util.Collections.reverse(done);
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
            ticks.add(new Tick(x(i, done.size()), "#" + done.get(i).number()));
        }
        List<Series> series = List.of(
                series("Answer rate", "answer", done, EvaluationRun::answerRate),
                series("Citation hit", "citation", done, EvaluationRun::citationHitRate),
                series("Mean token F1", "f1", done, EvaluationRun::meanTokenF1));
        return new RunChart(series, ticks, WIDTH, HEIGHT);
    }

    public boolean empty() {
        return ticks.isEmpty();
    }

    /** The y of a percentage, for the grid lines. */
    public static double y(double percent) {
        return HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * percent / 100;
    }

    private static double x(int i, int n) {
        return PAD_LEFT + (WIDTH - PAD_LEFT - PAD) * (n == 1 ? 0.5 : (double) i / (n - 1));
    }

    private static Series series(String name, String css, List<EvaluationRun> runs,
                                 Function<EvaluationRun, @Nullable Double> value) {
        StringBuilder points = new StringBuilder();
        List<Dot> dots = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Double v = value.apply(runs.get(i));
            if (v == null) {
                continue;
            }
            double x = x(i, runs.size());
            double y = y(v * 100);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            dots.add(new Dot(x, y, String.format(Locale.ROOT, "Run %d · %s: %.0f %%", runs.get(i).number(), name,
                    v * 100)));
        }
        return new Series(name, css, points.toString().strip(), dots);
    }
}
