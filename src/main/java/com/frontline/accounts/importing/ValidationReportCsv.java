package com.frontline.accounts.importing;

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

    /**
     * Prefixes an apostrophe when the cell (ignoring leading spaces) starts with a character a spreadsheet reads
     * as a formula (= + - @) or with a tab or carriage return, as OWASP recommends.
     */
    static String safe(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        String stripped = cell.stripLeading();
        char firstVisible = stripped.isEmpty() ? first : stripped.charAt(0);
        if (isTrigger(first) || isTrigger(firstVisible)) {
            return "'" + cell;
        }
        return cell;
    }

    private static boolean isTrigger(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
                || c == '\uFF1D' || c == '\uFF0B' || c == '\uFF0D' || c == '\uFF20';
    }
}
