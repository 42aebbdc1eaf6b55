package com.frontline.accounts.importing;

import java.util.List;

/**
 * What validating one file found.
 *
 * @param confidence    0..1, how sure the detection is that the file is {@code format}
 * @param formatLabel   a human description ("CSV, semicolon-separated, UTF-16LE, decimal comma")
 * @param sourceColumns the header row as written (of the KPI sheet); offered for mapping when {@code needsMapping}
 * @param rowsRead      non-blank data rows read, accepted or not
 * @param accepted      rows without problems, in file order
 * @param needsMapping  the columns could not be recognised: ask the user to map {@code sourceColumns}
 * @param notes         things the user should know that are not row problems (ignored sheets, assumptions)
 */
public record ValidationReport(DetectedFormat format, double confidence, String formatLabel,
                               List<String> sourceColumns, int rowsRead, List<KpiRow> accepted,
                               List<AccountRow> accounts, List<RowProblem> problems, boolean needsMapping,
                               List<String> notes) {

    public ValidationReport {
        sourceColumns = List.copyOf(sourceColumns);
        accepted = List.copyOf(accepted);
        accounts = List.copyOf(accounts);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public boolean clean() {
        return problems.isEmpty() && !needsMapping;
    }
}
