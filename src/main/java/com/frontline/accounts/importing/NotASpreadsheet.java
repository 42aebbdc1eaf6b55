package com.frontline.accounts.importing;

import com.frontline.shared.FileKind;

import java.util.Locale;

/** The refusal of a file that is not a KPI spreadsheet: what the file is, and what to do instead. */
final class NotASpreadsheet {

    private NotASpreadsheet() {
    }

    static ImportRejectedException of(FileKind kind, String filename) {
        return new ImportRejectedException("The file is " + kind.description() + renamed(kind, filename) + ": "
                + advice(kind));
    }

    static String advice(FileKind kind) {
        return switch (kind) {
            case ODS -> "save it as .xlsx or .csv (File > Save As, then choose Excel 2007-365 or Text CSV) and upload "
                    + "again.";
            case XLSB -> "save it as .xlsx (File > Save As > Excel Workbook) and upload again.";
            case XLS -> "open it in Excel, save it as .xlsx (File > Save As > Excel Workbook) or CSV, and upload that "
                    + "file.";
            case NUMBERS -> "export it from Numbers as Excel (File > Export To > Excel) or CSV and upload that file.";
            case XLSM -> "workbooks with macros are not accepted; save a copy as .xlsx (Excel Workbook, without "
                    + "macros) and upload that file.";
            case OFFICE_ENCRYPTED -> "remove the password in Excel (File > Info > Protect Workbook) and upload it "
                    + "again.";
            case DOCX, DOC, ODT, PAGES, RTF, PPTX, PPT, ODP, KEYNOTE, EPUB -> "not a spreadsheet. Put the KPIs in a "
                    + "spreadsheet (copy the table into Excel, or fill in a template from this page), save it as .xlsx "
                    + "or CSV and upload that file.";
            case PDF -> "KPIs cannot be read reliably from a PDF. Export them from the program that made the PDF as "
                    + ".xlsx or CSV, or fill in a template from this page.";
            case IMAGE -> "a picture of a table cannot be read. Upload the spreadsheet itself (.xlsx or CSV), or fill "
                    + "in a template from this page.";
            case ZIP, ARCHIVE -> "unzip it and upload the .xlsx or CSV file inside.";
            case XLSX, OLE2_OTHER, OPENDOCUMENT_OTHER, OTHER -> "upload an .xlsx workbook or a CSV file (a template is "
                    + "available on this page).";
        };
    }

    /** ", even though its name ends in .xlsx" when the name claims a spreadsheet the content is not. */
    private static String renamed(FileKind kind, String filename) {
        String lower = filename.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String extension = dot < 0 ? "" : lower.substring(dot);
        boolean claimsSpreadsheet = extension.equals(".xlsx") || extension.equals(".csv") || extension.equals(".xls")
                || extension.equals(".xlsm");
        boolean matches = switch (kind) {
            case XLS -> extension.equals(".xls");
            case XLSM -> extension.equals(".xlsm");
            default -> false;
        };
        return claimsSpreadsheet && !matches ? ", even though its name ends in " + extension : "";
    }
}
