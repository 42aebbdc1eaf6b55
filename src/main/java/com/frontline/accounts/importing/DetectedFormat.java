package com.frontline.accounts.importing;

/** Which layout a file was read as. */
public enum DetectedFormat {
    /** Sheets {@code Account Info}, {@code KPI Data} and {@code Summary}. */
    STANDARD_WORKBOOK,
    /** A workbook with one KPI list ({@code KPI Name}, {@code Value}, {@code Category}). */
    SIMPLE_LIST,
    /** Delimited text. */
    CSV,
    /** Read with a column mapping the tenant saved earlier (or passed explicitly). */
    SAVED_MAPPING,
    /** No KPI name and value columns were found; the user has to map the columns. */
    UNKNOWN
}
