package com.frontline.accounts.importing;

import com.frontline.shared.SpreadsheetCells;
import de.siegmar.fastcsv.writer.CsvWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The problems of a {@link ValidationReport} as a CSV the user can open next to the file and fix row by row.
 *
 * <p>Every text cell is neutralised against formula injection: the values come from the uploaded file, and a cell
 * such as {@code =HYPERLINK(...)} would otherwise run when the report is opened in a spreadsheet program.
 */
public final class ValidationReportCsv {

    private ValidationReportCsv() {
    }

    public static void write(ValidationReport report, Writer out) {
        try {
            CsvWriter csv = CsvWriter.builder().build(out);
            csv.writeRecord("sheet", "row", "column", "value", "message", "hint");
            for (RowProblem problem : report.problems()) {
                csv.writeRecord(safe(problem.sheet()), String.valueOf(problem.rowNumber()), safe(problem.column()),
                        safe(problem.value()), safe(problem.message()), safe(problem.hint()));
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** See {@link SpreadsheetCells#safe(String)}. */
    static String safe(String cell) {
        return SpreadsheetCells.safe(cell);
    }
}
