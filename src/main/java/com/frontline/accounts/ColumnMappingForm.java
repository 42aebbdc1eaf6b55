package com.frontline.accounts;

import com.frontline.accounts.importing.SavedMapping;
import com.frontline.accounts.importing.StandardField;
import com.frontline.accounts.importing.ValidationReport;
import com.frontline.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the column mapping an admin submitted. Every value arrives from a browser and may have been edited: each is
 * checked against the file's header and the known fields, and every mistake becomes a message next to its column
 * (key {@code col:<index>}), or next to the form ({@code mapping}, {@code formatName}).
 */
final class ColumnMappingForm {

    static final int MAX_NAME = 80;

    private ColumnMappingForm() {
    }

    static SavedMapping validate(String rawName, List<String> headers, Map<Integer, String> roles) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.put("formatName", "Name this format (up to " + MAX_NAME + " characters), e.g. “HubSpot export”.");
        }
        Map<StandardField, Integer> chosen = new EnumMap<>(StandardField.class);
        Map<String, StandardField> columns = new LinkedHashMap<>();
        Set<String> kpiColumns = new LinkedHashSet<>();
        Set<String> seenHeaders = new LinkedHashSet<>();
        roles.forEach((index, rawRole) -> {
            String role = rawRole == null ? "" : rawRole.strip();
            if (role.isEmpty()) {
                return;
            }
            String key = "col:" + index;
            if (index < 0 || index >= headers.size()) {
                errors.put("mapping", "The file has no column " + (index + 1) + "; reload the page and map the "
                        + "columns shown.");
                return;
            }
            String header = headers.get(index).strip();
            if (header.isEmpty()) {
                errors.put(key, "This column has no header, so it cannot be recognised next time; give it a header "
                        + "in the file, or leave it ignored.");
                return;
            }
            if (!seenHeaders.add(SavedMapping.normalizeHeader(header))) {
                errors.put(key, "Another column has the same header; rename one of them in the file.");
                return;
            }
            if (role.equals(ValidationReport.KPI_COLUMN)) {
                kpiColumns.add(header);
                return;
            }
            StandardField field = field(role);
            if (field == null) {
                errors.put(key, "Choose one of the listed options for this column.");
                return;
            }
            Integer earlier = chosen.putIfAbsent(field, index);
            if (earlier != null) {
                errors.put(key, AccountsService.label(field) + " is already chosen for “" + headers.get(earlier).strip()
                        + "”; choose it for one column only.");
                return;
            }
            columns.put(header, field);
        });
        if (errors.isEmpty()) {
            boolean longLayout = chosen.containsKey(StandardField.KPI_NAME) || chosen.containsKey(StandardField.VALUE);
            if (!kpiColumns.isEmpty() && longLayout) {
                errors.put("mapping", "Either map a KPI name column and a Value column (one row per KPI), or mark the "
                        + "columns that are KPIs (one column per KPI), not both.");
            } else if (!kpiColumns.isEmpty()) {
                chosen.keySet().stream().filter(f -> !SavedMapping.WIDE_FIELDS.contains(f)).findFirst()
                        .ifPresent(f -> errors.put("col:" + chosen.get(f), AccountsService.label(f) + " cannot be "
                                + "used with one column per KPI: only the account and the date describe a row."));
            } else {
                for (StandardField required : List.of(StandardField.KPI_NAME, StandardField.VALUE)) {
                    if (!chosen.containsKey(required)) {
                        errors.put("mapping", "Map one column to " + AccountsService.label(required) + ", or mark the "
                                + "columns that are KPIs if the file has one column per KPI.");
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new SavedMapping(name, columns, kpiColumns);
    }

    private static @Nullable StandardField field(String role) {
        for (StandardField field : StandardField.values()) {
            if (field.name().equals(role)) {
                return field;
            }
        }
        return null;
    }
}
