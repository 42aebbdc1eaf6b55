package com.frontline.accounts.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns one account's KPIs into a 0..100 health score and a band. */
public final class HealthScores {

    public static final String FORMULA_DESCRIPTION = """
            The health score is a weighted average of the account's KPIs on a 0–100 scale.
            Each KPI is first put on that scale: percentages (85%%) and fractions between 0 and 1 (0.85) are \
            multiplied by 100; values already between 0 and 100 are used as they are; other values (such as \
            1,250 tickets) cannot be put on the scale and are left out, with a note.
            A KPI is "higher is better" unless its Direction column says "Lower is better"; when that column is \
            missing or empty, a KPI whose name contains one of the words %s counts as lower is \
            better, with a note. A lower is better KPI counts as 100 minus its value: churn 10%% counts as 90.
            Each KPI then counts with its weight (1 when empty) times its impact multiplier: High 1.5, \
            Medium 1.0 (also when empty), Low 0.5.
            When a KPI has values for several dates, only the latest one counts.
            Score = sum(score × weight × multiplier) / sum(weight × multiplier).
            70 and above is Healthy, 40 to below 70 is Needs attention, below 40 is At risk; with no KPI on the \
            scale the health is Unknown.""".formatted(String.join(", ", KpiDirection.LOWER_IS_BETTER_NAMES.stream()
            .map(name -> "“" + name + "”").toList()));

    static final double HEALTHY = 70;
    static final double NEEDS_ATTENTION = 40;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private HealthScores() {
    }

    public static HealthScore compute(List<KpiRow> kpisOfOneAccount) {
        List<String> notes = new ArrayList<>();
        // The latest value of each KPI: a time series contributes its current state, not its history.
        Map<String, KpiRow> latest = new LinkedHashMap<>();
        Map<String, Integer> points = new LinkedHashMap<>();
        Comparator<KpiRow> byDate = Comparator.comparing(KpiRow::date,
                Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()));
        for (KpiRow row : kpisOfOneAccount) {
            String key = row.kpiName().toLowerCase(Locale.ROOT);
            points.merge(key, 1, Integer::sum);
            latest.merge(key, row, (a, b) -> byDate.compare(b, a) >= 0 ? b : a);
        }
        points.forEach((key, count) -> {
            if (count > 1) {
                notes.add("'" + latest.get(key).kpiName() + "': the latest of " + count + " values was used.");
            }
        });

        double weighted = 0;
        double totalWeight = 0;
        int used = 0;
        int skipped = 0;
        for (KpiRow row : latest.values()) {
            Double normalized = normalize(row);
            if (normalized == null) {
                skipped++;
                notes.add("'" + row.kpiName() + "' (" + row.value().toPlainString() + ") was left out: it is not a "
                        + "percentage, a fraction or a score between 0 and 100.");
                continue;
            }
            if (KpiDirection.resolve(row.direction(), row.kpiName()) == KpiDirection.LOWER_IS_BETTER) {
                normalized = 100 - normalized;
                if (row.direction() == null) {
                    notes.add("'" + row.kpiName() + "' counted as lower is better (by its name); set its Direction "
                            + "to Higher is better if it is not.");
                }
            }
            double weight = (row.weight() == null ? 1.0 : row.weight().doubleValue())
                    * (row.impactLevel() == null ? 1.0 : row.impactLevel().multiplier());
            if (weight == 0) {
                notes.add("'" + row.kpiName() + "' has weight 0 and does not count.");
                continue;
            }
            weighted += normalized * weight;
            totalWeight += weight;
            used++;
        }
        if (totalWeight == 0) {
            return new HealthScore(null, "Unknown", used, skipped, notes);
        }
        double score = Math.round(weighted / totalWeight * 10) / 10.0;
        return new HealthScore(score, band(score), used, skipped, notes);
    }

    public static String band(double score) {
        if (score >= HEALTHY) {
            return "Healthy";
        }
        return score >= NEEDS_ATTENTION ? "Needs attention" : "At risk";
    }

    /** The KPI on the 0..100 scale, or null when its magnitude cannot be interpreted. */
    static @org.jspecify.annotations.Nullable Double normalize(KpiRow row) {
        BigDecimal value = row.value();
        BigDecimal scaled;
        if (row.percentage() || value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0) {
            scaled = value.multiply(HUNDRED);
        } else {
            scaled = value;
        }
        if (scaled.signum() < 0 || scaled.compareTo(HUNDRED) > 0) {
            return null;
        }
        return scaled.doubleValue();
    }
}
