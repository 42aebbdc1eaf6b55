package com.frontline.accounts.importing;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's own file layout: which source column holds which field.
 *
 * <p>A <b>long</b> layout has one row per KPI value: {@code columns} maps a KPI name and a value column (and optionally
 * account, date, category…). A <b>wide</b> layout has one column per KPI: {@code kpiColumns} lists those columns (their
 * header is the KPI's name, each cell its value) and {@code columns} maps only the account and date columns.
 *
 * @param name       shown to the tenant ("Salesforce export")
 * @param columns    keys are source header names normalised with {@link #normalizeHeader(String)}
 * @param kpiColumns for a wide layout, the normalised headers of the KPI columns; empty for a long layout
 */
public record SavedMapping(String name, Map<String, StandardField> columns, Set<String> kpiColumns) {

    /** Fields that make sense once per row of a wide layout (the rest describe one KPI, not a row). */
    public static final Set<StandardField> WIDE_FIELDS = Set.of(StandardField.ACCOUNT_NAME, StandardField.DATE);

    public SavedMapping {
        // Normalise again so that a mapping built from raw headers still matches.
        Map<String, StandardField> normalized = new LinkedHashMap<>();
        columns.forEach((header, field) -> normalized.put(normalizeHeader(header), field));
        columns = Map.copyOf(normalized);
        Set<String> kpis = new LinkedHashSet<>();
        kpiColumns.forEach(header -> kpis.add(normalizeHeader(header)));
        kpiColumns = Set.copyOf(kpis);
    }

    public SavedMapping(String name, Map<String, StandardField> columns) {
        this(name, columns, Set.of());
    }

    public boolean wide() {
        return !kpiColumns.isEmpty();
    }

    /**
     * Lower case, with everything but letters and digits collapsed to single spaces, so "KPI/Parameter",
     * "kpi_parameter" and " KPI  Parameter " are the same header.
     */
    public static String normalizeHeader(String header) {
        return HeaderMatcher.normalize(header);
    }
}
