package com.frontline.chat;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;

/**
 * A small line chart of daily values, drawn on the server as the {@code d} of an SVG path in a
 * {@value #WIDTH}×{@value #HEIGHT} box. Days without a value (no answers) break the line instead of being drawn as 0.
 *
 * @param path   the path's {@code d}; empty when no day has a value
 * @param lastX  where the last value is drawn (a dot marks it), or -1
 */
public record FeedbackReviewSparkline(String path, double lastX, double lastY) {

    public static final int WIDTH = 120;
    public static final int HEIGHT = 32;
    private static final double PAD = 2;

    /**
     * @param values one per day, oldest first; null where the day had nothing to measure
     * @param max    the value drawn at the top (1 for rates); values above are clipped
     */
    public static FeedbackReviewSparkline of(List<@Nullable Double> values, double max) {
        StringBuilder d = new StringBuilder();
        int n = values.size();
        double step = n > 1 ? (WIDTH - 2 * PAD) / (n - 1) : 0;
        boolean drawing = false;
        double lastX = -1;
        double lastY = -1;
        for (int i = 0; i < n; i++) {
            Double v = values.get(i);
            if (v == null) {
                drawing = false;
                continue;
            }
            double x = n > 1 ? PAD + i * step : WIDTH / 2.0;
            double clipped = Math.max(0, Math.min(max, v));
            double y = HEIGHT - PAD - (max == 0 ? 0 : clipped / max) * (HEIGHT - 2 * PAD);
            if (!d.isEmpty()) {
                d.append(' ');
            }
            d.append(drawing ? 'L' : 'M').append(format(x)).append(' ').append(format(y));
            drawing = true;
            lastX = x;
            lastY = y;
        }
        return new FeedbackReviewSparkline(d.toString(), lastX, lastY);
    }

    public boolean empty() {
        return path.isEmpty();
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
