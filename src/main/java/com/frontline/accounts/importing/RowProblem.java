package com.frontline.accounts.importing;

/**
 * Why one row (or one cell) was not accepted.
 *
 * @param rowNumber 1-based, as the spreadsheet program shows it; 0 for a problem with the sheet as a whole
 * @param column    the header as written in the file, empty when the problem is not about one column
 * @param hint      what to change so that the row is accepted next time
 */
public record RowProblem(String sheet, int rowNumber, String column, String value, String message, String hint) {
}
