package com.frontline.accounts.importing;

import com.github.pjfanning.xlsx.StreamingReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An XLSX read by streaming (excel-streaming-reader): only a small window of rows is in memory at any time, so
 * a 100,000-row sheet costs a few MB rather than the ~570 MB a full XSSF load takes.
 */
final class XlsxBook implements Closeable {

    /** Columns beyond this are ignored: KPI sheets are narrow, and a hostile row could claim column XFD. */
    static final int MAX_COLUMNS = 256;

    private final Workbook workbook;

    private XlsxBook(Workbook workbook) {
        this.workbook = workbook;
    }

    static XlsxBook open(Path file) throws ImportRejectedException {
        try {
            return new XlsxBook(StreamingReader.builder()
                    .rowCacheSize(100)
                    .bufferSize(8192)
                    .setReadComments(false)
                    .setReadHyperlinks(false)
                    .setReadShapes(false)
                    .setReadSharedFormulas(false)
                    .setReadCoreProperties(false)
                    .open(file.toFile()));
        } catch (RuntimeException e) {
            // OpenException/ReadException/ParseException (damaged parts), POI's own zip-bomb guard, XML errors.
            throw ZipInspector.malformed(e);
        }
    }

    List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            names.add(workbook.getSheetName(i));
        }
        return names;
    }

    /** The sheet's rows in order; rows absent from the file (never typed in) are not returned. */
    Iterator<SourceRow> rows(int sheetIndex, Deadline deadline) {
        Iterator<Row> rows = workbook.getSheetAt(sheetIndex).rowIterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public SourceRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = rows.next();
                List<String> cells = new ArrayList<>(8);
                BitSet canonical = new BitSet();
                for (Cell cell : row) {
                    int column = cell.getColumnIndex();
                    if (column >= MAX_COLUMNS) {
                        break;
                    }
                    while (cells.size() < column) {
                        cells.add("");
                    }
                    cells.add(text(cell, canonical, column));
                }
                return new SourceRow(row.getRowNum() + 1, cells, canonical);
            }
        };
    }

    /**
     * Cell content as text. Numbers come out with a decimal point and no grouping (and are flagged canonical),
     * percent-formatted numbers with a % sign, date-formatted numbers as ISO dates.
     */
    private enum NumberKind { PLAIN, DATE, PERCENT }

    // A workbook has a handful of number formats; classifying each once keeps the per-cell cost down.
    private final java.util.Map<Integer, NumberKind> kinds = new java.util.HashMap<>();

    private NumberKind kind(@org.jspecify.annotations.Nullable CellStyle style) {
        if (style == null) {
            return NumberKind.PLAIN;
        }
        return kinds.computeIfAbsent((int) style.getIndex(), index -> {
            String format = style.getDataFormatString();
            if (format == null) {
                return NumberKind.PLAIN;
            }
            if (DateUtil.isADateFormat(style.getDataFormat(), format)) {
                return NumberKind.DATE;
            }
            return format.contains("%") ? NumberKind.PERCENT : NumberKind.PLAIN;
        });
    }

    private String text(Cell cell, BitSet canonical, int column) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> "#ERROR";
            case NUMERIC -> {
                double number = cell.getNumericCellValue();
                NumberKind kind = kind(cell.getCellStyle());
                if (kind == NumberKind.DATE && DateUtil.isValidExcelDate(number)) {
                    yield DateUtil.getLocalDateTime(number).toLocalDate().toString();
                }
                if (!Double.isFinite(number)) {
                    yield "#ERROR";
                }
                canonical.set(column);
                BigDecimal value = BigDecimal.valueOf(number);
                if (kind == NumberKind.PERCENT) {
                    yield value.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
                }
                yield value.stripTrailingZeros().toPlainString();
            }
            default -> "";
        };
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
