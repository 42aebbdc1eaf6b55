package com.frontline.accounts.importing;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every file that is not a KPI spreadsheet is told what it is and what to do, whatever its name says. */
class SpreadsheetIdentificationTest {

    private final KpiFileValidator validator = new KpiFileValidator();

    @TempDir
    Path dir;

    @Test
    void anOpenDocumentSpreadsheetIsNamedAndToldToSaveAsXlsxOrCsv() throws Exception {
        byte[] ods = zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<office/>",
                "META-INF/manifest.xml", "<manifest/>");
        assertThat(refusal("kpis.ods", ods))
                .startsWith("The file is an OpenDocument spreadsheet (LibreOffice/OpenOffice, .ods)")
                .contains("save it as .xlsx or .csv").doesNotContain("zip archive");
        assertThat(refusal("kpis.xlsx", ods)).startsWith("The file is an OpenDocument spreadsheet (LibreOffice/"
                + "OpenOffice, .ods), even though its name ends in .xlsx:");
    }

    @Test
    void anExcelBinaryWorkbookIsToldToSaveAsXlsxNotThatItHasMacros() throws Exception {
        byte[] xlsb = zip("[Content_Types].xml", "<Types><Override ContentType=\"application/vnd.ms-excel.sheet.binary"
                + ".macroEnabled.main\"/></Types>", "xl/workbook.bin", "\u0001\u0002");
        assertThat(refusal("kpis.xlsb", xlsb)).startsWith("The file is an Excel binary workbook (.xlsb)")
                .contains("save it as .xlsx").doesNotContain("macros");
    }

    @Test
    void siblingsSayWhatTheyAre() throws Exception {
        assertThat(refusal("kpis.numbers", zip("Index/Document.iwa", "x", "Index/CalculationEngine.iwa", "x",
                "Metadata/Properties.plist", "x"))).startsWith("The file is an Apple Numbers spreadsheet")
                .contains("File > Export To > Excel");
        assertThat(refusal("kpis.xlsx", zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<d/>")))
                .startsWith("The file is a Word document (.docx), even though its name ends in .xlsx")
                .contains("copy the table into Excel");
        assertThat(refusal("deck.pptx", zip("[Content_Types].xml", "<Types/>", "ppt/presentation.xml", "<p/>")))
                .startsWith("The file is a PowerPoint presentation (.pptx)");
        assertThat(refusal("kpis.odt", zip("mimetype", "application/vnd.oasis.opendocument.text", "content.xml",
                "<x/>"))).startsWith("The file is an OpenDocument text document");
        assertThat(refusal("kpis.zip", zip("kpis.xlsx", "x"))).startsWith("The file is a zip archive")
                .contains("unzip it");

        ByteArrayOutputStream xls = new ByteArrayOutputStream();
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            workbook.createSheet("KPIs").createRow(0).createCell(0).setCellValue("KPI Name");
            workbook.write(xls);
        }
        assertThat(refusal("kpis.xls", xls.toByteArray())).startsWith("The file is an Excel 97–2003 workbook (.xls):")
                .contains("save it as .xlsx");

        ByteArrayOutputStream ppt = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), "PowerPoint Document");
            fs.writeFilesystem(ppt);
        }
        assertThat(refusal("kpis.ppt", ppt.toByteArray())).startsWith("The file is a PowerPoint 97–2003 presentation");

        assertThat(refusal("kpis.xlsx", "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII)))
                .startsWith("The file is a PDF document, even though its name ends in .xlsx")
                .contains("cannot be read reliably from a PDF");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(refusal("kpis.png", png)).startsWith("The file is an image").contains("picture of a table");
    }

    @Test
    void aMacroEnabledWorkbookWithoutMacrosIsReadAndOneWithAVbaProjectIsRefused() throws Exception {
        byte[] template = KpiTemplates.simpleWorkbook();
        byte[] xlsmType = macroEnabledContentType(template);
        Path file = write("kpis.xlsm", xlsmType);
        ValidationReport report = validator.validate(file, "kpis.xlsm", ImportLimits.defaults(), List.of());
        assertThat(report.accepted()).isNotEmpty();
        assertThat(report.notes()).anyMatch(n -> n.contains("holds no macros"));

        byte[] withVba = HostileFileTest.withExtraEntry(xlsmType, "xl/vbaProject.bin", new byte[]{1, 2, 3});
        assertThat(refusal("kpis.xlsm", withVba)).contains("workbook with macros (VBA)").contains("save a copy as .xlsx");
    }

    /** The template with its workbook declared macro-enabled, as Excel writes an .xlsm. */
    private static byte[] macroEnabledContentType(byte[] xlsx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("[Content_Types].xml")) {
                    content = new String(content, StandardCharsets.UTF_8)
                            .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                                    "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
                            .getBytes(StandardCharsets.UTF_8);
                    assertThat(new String(content, StandardCharsets.UTF_8)).contains("macroEnabled");
                }
                zip.write(content);
            }
        }
        return out.toByteArray();
    }

    private String refusal(String filename, byte[] content) throws IOException {
        Path file = write(filename, content);
        try {
            validator.validate(file, filename, ImportLimits.defaults(), List.of());
        } catch (ImportRejectedException e) {
            return e.userMessage();
        }
        throw new AssertionError(filename + " was accepted");
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = Files.createTempFile(dir, "upload", name.substring(name.lastIndexOf('.')));
        Files.write(file, content);
        return file;
    }

    private static byte[] zip(String... nameAndContent) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                zip.putNextEntry(new ZipEntry(nameAndContent[i]));
                zip.write(nameAndContent[i + 1].getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
