package com.frontline.accounts.importing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tenant's own file layout: which source column holds which field.
 *
 * @param name    shown to the tenant ("Salesforce export")
 * @param columns keys are source header names normalised with {@link #normalizeHeader(String)}
 */
public record SavedMapping(String name, Map<String, StandardField> columns) {

    public SavedMapping {
        // Normalise again so that a mapping built from raw headers still matches.
        Map<String, StandardField> normalized = new LinkedHashMap<>();
        columns.forEach((header, field) -> normalized.put(normalizeHeader(header), field));
        columns = Map.copyOf(normalized);
    }

    /**
     * Lower case, with everything but letters and digits collapsed to single spaces, so "KPI/Parameter",
     * "kpi_parameter" and " KPI  Parameter " are the same header.
     */
    public static String normalizeHeader(String header) {
        return HeaderMatcher.normalize(header);
    }
}
