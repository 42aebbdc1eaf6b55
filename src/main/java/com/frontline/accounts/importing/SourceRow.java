package com.frontline.accounts.importing;

import org.jspecify.annotations.Nullable;

import java.util.BitSet;
import java.util.List;

/**
 * One row of a sheet or CSV file as text.
 *
 * @param rowNumber 1-based, as the user sees it
 * @param canonical cells whose text came from a typed (numeric) spreadsheet cell and is therefore written with a
 *                  decimal point and no grouping, whatever the file's locale
 */
record SourceRow(int rowNumber, List<String> cells, @Nullable BitSet canonical) {

    String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    boolean isCanonical(int index) {
        return canonical != null && canonical.get(index);
    }

    boolean blank() {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
