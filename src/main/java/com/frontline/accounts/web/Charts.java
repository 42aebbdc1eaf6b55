package com.frontline.accounts.web;

import com.frontline.accounts.AccountOverview;
import com.frontline.accounts.KpiValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * View models for the small charts the pages draw as inline SVG. Hand-written because they are a few lines of
 * arithmetic; a JavaScript chart library would be a bigger dependency than the charts, and the CSP allows no inline
 * script.
 */
final class Charts {

    private Charts() {
    }

    record Bar(String label, String value, double percent, String band, String href) {
    }

    static List<Bar> healthBars(List<AccountOverview> accounts, String accountBase) {
        return accounts.stream().map(a -> new Bar(a.name(),
                a.healthScore() == null ? "—" : String.format(Locale.ROOT, "%.0f", a.healthScore()),
                a.healthScore() == null ? 0 : Math.max(1, Math.min(100, a.healthScore())),
                a.band().toLowerCase(Locale.ROOT).replace(' ', '-'), accountBase + "/" + a.id())).toList();
    }

    record Point(double x, double y, String label, String value) {
    }

    record Line(String kpi, String points, List<Point> dots, String min, String max, String first, String last) {
    }

    static final int WIDTH = 560;
    static final int HEIGHT = 160;
    static final int PAD = 24;

    /** One line chart per KPI time series, scaled into a WIDTH × HEIGHT box. */
    static Line line(String kpi, List<KpiValue> series) {
        BigDecimal min = series.stream().map(KpiValue::value).min(BigDecimal::compareTo).orElseThrow();
        BigDecimal max = series.stream().map(KpiValue::value).max(BigDecimal::compareTo).orElseThrow();
        double span = max.subtract(min).doubleValue();
        List<Point> dots = new ArrayList<>();
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < series.size(); i++) {
            KpiValue v = series.get(i);
            double x = PAD + (WIDTH - 2.0 * PAD) * (series.size() == 1 ? 0.5 : (double) i / (series.size() - 1));
            double y = HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * (span == 0 ? 0.5 : v.value().subtract(min).doubleValue() / span);
            dots.add(new Point(x, y, String.valueOf(v.observedOn()), v.display()));
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return new Line(kpi, points.toString().strip(), dots, display(min, series), display(max, series),
                String.valueOf(series.getFirst().observedOn()), String.valueOf(series.getLast().observedOn()));
    }

    private static String display(BigDecimal v, List<KpiValue> series) {
        return KpiValue.display(v, series.getFirst().percentage());
    }
}
