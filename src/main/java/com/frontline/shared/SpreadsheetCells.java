package com.frontline.shared;

/**
 * Text cells of CSV files the portal writes (validation reports, exports) made safe to open in a spreadsheet
 * program: a cell such as {@code =HYPERLINK(...)} from user input would otherwise run as a formula.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /**
     * Prefixes an apostrophe when the cell (ignoring leading spaces) starts with a character a spreadsheet reads
     * as a formula (= + - @, also their full-width forms) or with a tab or carriage return, as OWASP recommends.
     */
    public static String safe(String cell) {
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
