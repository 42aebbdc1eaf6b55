package com.frontline.accounts.importing;

import org.jspecify.annotations.Nullable;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Recognises header cells ("Metric", "KPI/Parameter", "kpi_name"…) as {@link StandardField}s. */
final class HeaderMatcher {

    /** The spelling each field has in Frontline's own formats; a match on these counts as exact for confidence. */
    private static final Map<String, StandardField> CANONICAL = new HashMap<>();
    private static final Map<String, StandardField> SYNONYMS = new HashMap<>();

    static {
        canonical(StandardField.ACCOUNT_NAME, "account name", "account");
        canonical(StandardField.KPI_NAME, "kpi name", "kpi parameter");
        canonical(StandardField.VALUE, "value", "data");
        canonical(StandardField.CATEGORY, "category");
        canonical(StandardField.WEIGHT, "weight");
        canonical(StandardField.IMPACT_LEVEL, "impact level");
        canonical(StandardField.HEALTH_COMPONENT, "health score component");
        canonical(StandardField.DATE, "date");
        canonical(StandardField.DIRECTION, "direction");

        synonyms(StandardField.ACCOUNT_NAME, "customer", "customer name", "company", "company name", "client",
                "client name", "organization", "organisation", "organization name", "organisation name",
                "account title", "tenant", "customer account");
        synonyms(StandardField.KPI_NAME, "kpi", "kpis", "kpi title", "metric", "metric name", "metrics", "parameter",
                "parameter name", "indicator", "indicator name", "measure", "measure name", "kpi metric",
                "kpi parameters", "key performance indicator", "kennzahl");
        synonyms(StandardField.VALUE, "amount", "score", "result", "actual", "actual value", "kpi value",
                "metric value", "current value", "reading", "measurement", "val", "figure", "wert",
                "valeur", "valor", "total", "data value", "current");
        synonyms(StandardField.CATEGORY, "kpi category", "metric category", "group", "kpi group", "type", "kpi type",
                "area", "domain", "bucket", "section", "theme", "kategorie");
        synonyms(StandardField.WEIGHT, "weighting", "weightage", "wt", "weight factor", "kpi weight", "importance",
                "gewicht", "weights");
        synonyms(StandardField.IMPACT_LEVEL, "impact", "priority", "severity", "criticality", "impact rating",
                "business impact", "impact lvl", "prio");
        synonyms(StandardField.HEALTH_COMPONENT, "health component", "component", "score component",
                "dimension", "pillar", "health dimension", "health area");
        synonyms(StandardField.DATE, "period", "month", "as of", "as of date", "report date", "reporting date",
                "reporting period", "timestamp", "week", "measured on", "measurement date", "day", "datum",
                "snapshot date", "period end", "date time", "datetime");
        // "Higher is better" / "Lower is better" as headers hold yes/no answers; see KpiDirection.parse.
        synonyms(StandardField.DIRECTION, "kpi direction", "better when", "better if", "good when", "good direction",
                "higher is better", "lower is better", "higher or lower is better", "higher lower is better",
                "polarity", "kpi polarity", "optimal direction", "target direction", "desired direction",
                "better direction", "richtung");
    }

    private static void canonical(StandardField field, String... names) {
        for (String name : names) {
            CANONICAL.put(name, field);
            SYNONYMS.put(name, field);
        }
    }

    private static void synonyms(StandardField field, String... names) {
        for (String name : names) {
            SYNONYMS.put(name, field);
        }
    }

    private HeaderMatcher() {
    }

    static String normalize(String header) {
        // Decompose accents away and treat every run of punctuation/space (incl. NBSP) as one space.
        String s = Normalizer.normalize(header, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        // "Value (%)" and "Weight (optional)" are still the value and the weight.
        s = s.replaceAll(" (optional|required|opt|pct|percent|percentage|usd|eur|gbp)$", "").strip();
        return s;
    }

    static @Nullable StandardField field(String header) {
        return SYNONYMS.get(normalize(header));
    }

    static boolean isCanonical(String header) {
        return CANONICAL.containsKey(normalize(header));
    }

    /**
     * Maps a candidate header row. Only the first column for each field counts; later duplicates stay extra columns.
     */
    static Match match(List<String> cells) {
        Map<StandardField, Integer> columns = new EnumMap<>(StandardField.class);
        int exact = 0;
        int textCells = 0;
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell.isBlank()) {
                continue;
            }
            textCells++;
            StandardField field = field(cell);
            if (field != null && !columns.containsKey(field)) {
                columns.put(field, i);
                if (isCanonical(cell)) {
                    exact++;
                }
            }
        }
        return new Match(columns, exact, textCells);
    }

    /** Applies a tenant's mapping to a candidate header row. */
    static Match match(List<String> cells, SavedMapping mapping) {
        Map<StandardField, Integer> columns = new EnumMap<>(StandardField.class);
        int textCells = 0;
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).isBlank()) {
                continue;
            }
            textCells++;
            StandardField field = mapping.columns().get(normalize(cells.get(i)));
            if (field != null && !columns.containsKey(field)) {
                columns.put(field, i);
            }
        }
        return new Match(columns, columns.size(), textCells);
    }

    /**
     * @param columns   field to 0-based column index
     * @param exact     how many fields matched Frontline's own spelling
     * @param textCells non-blank cells in the row
     */
    record Match(Map<StandardField, Integer> columns, int exact, int textCells) {

        boolean usable() {
            return columns.containsKey(StandardField.KPI_NAME) && columns.containsKey(StandardField.VALUE);
        }

        /** Share of the row's cells that were recognised, and of those, how many were exact. */
        double quality() {
            if (columns.isEmpty()) {
                return 0;
            }
            double exactShare = (double) exact / columns.size();
            return 0.75 + 0.25 * exactShare;
        }
    }
}
