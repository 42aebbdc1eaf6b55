package com.frontline.accounts.importing;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Downloadable templates for the three formats; each validates cleanly as it is. */
public final class KpiTemplates {

    /** The categories offered in the standard template's dropdown (other values are still accepted on import). */
    public static final List<String> CATEGORIES = List.of("Adoption", "Engagement", "Support", "Financial",
            "Sentiment", "Outcomes");

    /** The Direction dropdown: higher is better first, as it is the default. */
    public static final List<String> DIRECTIONS = List.of(KpiDirection.HIGHER_IS_BETTER.label(),
            KpiDirection.LOWER_IS_BETTER.label());

    /** Dropdowns cover this many rows below the header. */
    private static final int DROPDOWN_ROWS = 500;

    private static final Object[][] EXAMPLES = {
            {"Product adoption", "Active users", 0.82, 2, "High", "Adoption", "Higher is better"},
            {"Product adoption", "Feature usage", 0.64, 1, "Medium", "Adoption", "Higher is better"},
            {"Support", "Ticket satisfaction (CSAT)", 0.91, 1, "Medium", "Support", "Higher is better"},
            {"Support", "SLA compliance", 0.97, 1, "Low", "Support", "Higher is better"},
            {"Relationship", "NPS (0-100)", 45, 1, "High", "Sentiment", "Higher is better"},
            {"Financial", "Invoices paid on time", 0.88, 1, "Medium", "Financial", "Higher is better"},
            {"Financial", "Churn rate", 0.04, 1, "High", "Financial", "Lower is better"},
    };

    private KpiTemplates() {
    }

    public static byte[] standardWorkbook() {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle bold = boldStyle(workbook);
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));

            Sheet instructions = workbook.createSheet("Instructions");
            String[] lines = {
                    "How to fill in this KPI workbook",
                    "1. Account Info: enter the account name next to 'Account Name' and fill in the other fields.",
                    "2. KPI Data: one row per KPI. KPI/Parameter and Data are required.",
                    "   Data: a percentage (85%), a fraction (0.85) or a score from 0 to 100 counts towards the health "
                            + "score; other numbers are imported but not scored.",
                    "   Weight: a positive number (empty means 1). Impact Level: High, Medium or Low "
                            + "(multiplies the weight by 1.5, 1 or 0.5).",
                    "   Direction: Higher is better (also when empty) or Lower is better, for KPIs such as churn or "
                            + "resolution time; a lower is better KPI counts as 100 minus its value (churn 4% counts "
                            + "as 96).",
                    "   When Direction is empty, KPIs named like churn, backlog or resolution time count as lower is "
                            + "better; choose Higher is better to override that.",
                    "   Category, Impact Level and Direction offer dropdowns; other categories are accepted too.",
                    "3. Summary: calculated by Frontline after the upload; you do not need to fill it in.",
                    "Do not rename the sheets or the column headers. Save as .xlsx (not .xlsm or .xls).",
            };
            for (int i = 0; i < lines.length; i++) {
                instructions.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            instructions.getRow(0).getCell(0).setCellStyle(bold);
            instructions.setColumnWidth(0, 110 * 256);

            Sheet account = workbook.createSheet("Account Info");
            String[][] info = {{"Account Name", "Example Corp"}, {"Owner", "Jane Doe"}, {"Segment", "Enterprise"},
                    {"Renewal Date", "2026-06-30"}, {"Region", "EMEA"}};
            for (int i = 0; i < info.length; i++) {
                Row row = account.createRow(i);
                row.createCell(0).setCellValue(info[i][0]);
                row.getCell(0).setCellStyle(bold);
                row.createCell(1).setCellValue(info[i][1]);
            }
            account.setColumnWidth(0, 20 * 256);
            account.setColumnWidth(1, 30 * 256);

            Sheet kpis = workbook.createSheet("KPI Data");
            header(kpis, bold, "Health Score Component", "KPI/Parameter", "Data", "Weight", "Impact Level",
                    "Category", "Direction");
            for (int i = 0; i < EXAMPLES.length; i++) {
                Object[] example = EXAMPLES[i];
                Row row = kpis.createRow(i + 1);
                row.createCell(0).setCellValue((String) example[0]);
                row.createCell(1).setCellValue((String) example[1]);
                if (example[2] instanceof Double d) {
                    row.createCell(2).setCellValue(d);
                    row.getCell(2).setCellStyle(percent);
                } else {
                    row.createCell(2).setCellValue(((Integer) example[2]).doubleValue());
                }
                row.createCell(3).setCellValue(((Integer) example[3]).doubleValue());
                row.createCell(4).setCellValue((String) example[4]);
                row.createCell(5).setCellValue((String) example[5]);
                row.createCell(6).setCellValue((String) example[6]);
            }
            dropdown(kpis, 4, "Impact Level", List.of("High", "Medium", "Low"), true);
            dropdown(kpis, 5, "Category", CATEGORIES, false);
            dropdown(kpis, 6, "Direction", DIRECTIONS, true);
            for (int c = 0; c < 7; c++) {
                kpis.setColumnWidth(c, (c == 1 ? 30 : 22) * 256);
            }
            kpis.createFreezePane(0, 1);

            Sheet summary = workbook.createSheet("Summary");
            header(summary, bold, "Health Score", "Band", "KPIs used");
            summary.createRow(1).createCell(0).setCellValue("Calculated by Frontline after the upload.");
            workbook.setActiveSheet(0);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] simpleWorkbook() {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle bold = boldStyle(workbook);
            Sheet sheet = workbook.createSheet("KPIs");
            // The account label above the header is how a simple list names its account (see KpiFileValidator).
            Row label = sheet.createRow(0);
            label.createCell(0).setCellValue("Account");
            label.getCell(0).setCellStyle(bold);
            label.createCell(1).setCellValue("Example Corp");
            Row header = sheet.createRow(2);
            String[] names = {"KPI Name", "Value", "Category", "Direction"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
                header.getCell(i).setCellStyle(bold);
            }
            for (int i = 0; i < EXAMPLES.length; i++) {
                Row row = sheet.createRow(i + 3);
                row.createCell(0).setCellValue((String) EXAMPLES[i][1]);
                row.createCell(1).setCellValue(((Number) EXAMPLES[i][2]).doubleValue());
                row.createCell(2).setCellValue((String) EXAMPLES[i][5]);
                row.createCell(3).setCellValue((String) EXAMPLES[i][6]);
            }
            dropdown(sheet, 2, "Category", CATEGORIES, false, 3);
            dropdown(sheet, 3, "Direction", DIRECTIONS, true, 3);
            sheet.setColumnWidth(0, 30 * 256);
            sheet.setColumnWidth(1, 12 * 256);
            sheet.setColumnWidth(2, 16 * 256);
            sheet.setColumnWidth(3, 18 * 256);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTF-8 with a BOM so that Excel opens accented names correctly. */
    public static byte[] csv() {
        StringBuilder csv = new StringBuilder(
                "\uFEFFkpi_name,value,category,account_name,weight,impact_level,direction,date\r\n");
        String[] dates = {"2025-01-31", "2025-02-28"};
        for (String date : dates) {
            for (Object[] example : EXAMPLES) {
                csv.append(example[1]).append(',')
                        .append(example[2] instanceof Double d ? Math.round(d * 100) + "%" : example[2]).append(',')
                        .append(example[5]).append(",Example Corp,")
                        .append(example[3]).append(',').append(example[4]).append(',').append(example[6]).append(',')
                        .append(date).append("\r\n");
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void dropdown(Sheet sheet, int column, String title, List<String> values, boolean strict) {
        dropdown(sheet, column, title, values, strict, 1);
    }

    private static void dropdown(Sheet sheet, int column, String title, List<String> values, boolean strict,
                                 int firstRow) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint constraint = helper.createExplicitListConstraint(values.toArray(String[]::new));
        DataValidation validation = helper.createValidation(constraint,
                new CellRangeAddressList(firstRow, firstRow + DROPDOWN_ROWS, column, column));
        validation.setSuppressDropDownArrow(true);
        validation.setShowErrorBox(strict);
        if (strict) {
            validation.createErrorBox(title, "Choose " + String.join(", ", values) + ".");
        }
        validation.createPromptBox(title, "Choose from the list: " + String.join(", ", values));
        validation.setShowPromptBox(true);
        sheet.addValidationData(validation);
    }

    private static void header(Sheet sheet, CellStyle bold, String... names) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
            row.getCell(i).setCellStyle(bold);
        }
    }

    private static CellStyle boldStyle(Workbook workbook) {
        Font font = workbook.createFont();
        font.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }

    private static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}
