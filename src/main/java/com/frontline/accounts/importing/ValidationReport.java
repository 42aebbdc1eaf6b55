package com.frontline.accounts.importing;

import java.util.List;

/**
 * What validating one file found.
 *
 * @param confidence    0..1, how sure the detection is that the file is {@code format}
 * @param formatLabel   a human description ("CSV, semicolon-separated, UTF-16LE, decimal comma")
 * @param sourceColumns the header row as written (of the KPI sheet); offered for mapping when {@code needsMapping}
 * @param columnRoles   per source column, the {@link StandardField} name it was read as, {@link #KPI_COLUMN} for a
 *                      wide layout's KPI column, or "" when ignored (preselected on the mapping form)
 * @param rowsRead      non-blank KPI data rows read, accepted or not: not the header, not rows above it, not blank
 *                      rows and not the rows of an Account Info sheet
 * @param accepted      rows without problems, in file order
 * @param needsMapping  the columns could not be recognised: ask the user to map {@code sourceColumns}
 * @param notes         things the user should know that are not row problems (ignored sheets, assumptions)
 */
public record ValidationReport(DetectedFormat format, double confidence, String formatLabel,
                               List<String> sourceColumns, List<String> columnRoles, int rowsRead, List<KpiRow> accepted,
                               List<AccountRow> accounts, List<RowProblem> problems, boolean needsMapping,
                               List<String> notes) {

    public ValidationReport {
        sourceColumns = List.copyOf(sourceColumns);
        columnRoles = List.copyOf(columnRoles);
        accepted = List.copyOf(accepted);
        accounts = List.copyOf(accounts);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** The mapping form's value for "this column is a KPI, its header the KPI's name" (wide layouts). */
    public static final String KPI_COLUMN = "KPI";

    /** Below this confidence the report offers the column mapping even when the rows can be imported. */
    public static final double OFFER_MAPPING_BELOW = 0.75;

    public boolean offersMapping() {
        return needsMapping || confidence < OFFER_MAPPING_BELOW;
    }

    public String roleOf(int column) {
        return column < columnRoles.size() ? columnRoles.get(column) : "";
    }

    public boolean clean() {
        return problems.isEmpty() && !needsMapping;
    }
}
