package com.frontline.accounts.importing;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files that must be refused as a whole, quickly and without exhausting memory. */
class HostileFileTest {

    private final KpiFileValidator validator = new KpiFileValidator();

    @TempDir
    Path dir;

    @Test
    void refusesPasswordProtectedWorkbook() throws Exception {
        POIFSFileSystem fs = new POIFSFileSystem();
        Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        encryptor.confirmPassword("secret");
        try (OutputStream out = encryptor.getDataStream(fs)) {
            out.write(KpiTemplates.simpleWorkbook());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        fs.writeFilesystem(bytes);
        fs.close();

        assertRefused("kpis.xlsx", bytes.toByteArray(), "password-protected");
    }

    @Test
    void refusesMacroWorkbook() throws Exception {
        byte[] macro = withExtraEntry(KpiTemplates.standardWorkbook(), "xl/vbaProject.bin", new byte[]{1, 2, 3});
        assertRefused("kpis.xlsm", macro, "macros");
        // The same file named .xlsx is refused too: the content decides.
        assertRefused("kpis.xlsx", macro, "macros");
    }

    @Test
    void refusesZipBombWithinAFewSeconds() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                zip.write(spaces);
            }
        }
        assertThat(bytes.size()).isLessThan(1 << 20);
        long start = System.nanoTime();
        assertRefused("bomb.xlsx", bytes.toByteArray(), "expands to far more data");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void refusesTextFileNamedXlsx() {
        assertRefused("kpis.xlsx", "this is just a note, not a spreadsheet\n".getBytes(StandardCharsets.UTF_8),
                "plain text");
    }

    @Test
    void refusesPdfNamedXlsx() {
        assertRefused("kpis.xlsx", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1), "PDF");
    }

    @Test
    void refusesEmptyFiles() {
        assertRefused("kpis.csv", new byte[0], "empty");
        assertRefused("kpis.csv", "\n\n  \r\n".getBytes(StandardCharsets.UTF_8), "empty");
    }

    @Test
    void refusesOldBinaryXls() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (HSSFWorkbook xls = new HSSFWorkbook()) {
            xls.createSheet("KPIs").createRow(0).createCell(0).setCellValue("KPI Name");
            xls.write(bytes);
        }
        assertRefused("kpis.xls", bytes.toByteArray(), ".xls");
    }

    @Test
    void refusesMalformedAndForeignZips() throws Exception {
        byte[] template = KpiTemplates.simpleWorkbook();
        assertRefused("kpis.xlsx", Arrays.copyOf(template, template.length / 2), "damaged");

        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(docx)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<document/>".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused("kpis.xlsx", docx.toByteArray(), "Word document");
    }

    @Test
    void refusesBinaryJunk() {
        byte[] junk = new byte[4096];
        new java.util.Random(1).nextBytes(junk);
        assertRefused("kpis.csv", junk, "not supported");
    }

    @Test
    void refusesFilesOverTheSizeLimit() throws Exception {
        Path file = write("big.csv", "kpi_name,value\nA,1\n".repeat(1000).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> validator.validate(file, "big.csv",
                new ImportLimits(1000, 100, Duration.ofSeconds(5)), List.of()))
                .isInstanceOf(ImportRejectedException.class)
                .extracting(e -> ((ImportRejectedException) e).userMessage()).asString().contains("more than");
    }

    @Test
    void refusesTooManyRowsInCsvAndWorkbook() throws Exception {
        StringBuilder csv = new StringBuilder("kpi_name,value,category,account_name\n");
        for (int i = 0; i < 1000; i++) {
            csv.append("KPI ").append(i).append(",").append(i % 100).append(",A,Acme\n");
        }
        ImportLimits small = new ImportLimits(10_000_000, 100, Duration.ofSeconds(10));
        Path csvFile = write("many.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> validator.validate(csvFile, "many.csv", small, List.of()))
                .isInstanceOf(ImportRejectedException.class).hasMessageContaining("more than 100 rows");

        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(List.of("KPI Name", "Value", "Category"));
        for (int i = 0; i < 500; i++) {
            rows.add(List.of("KPI " + i, i % 100, "A"));
        }
        Path xlsx = write("many.xlsx", KpiFixtures.workbook(KpiFixtures.sheets("KPIs", rows)));
        assertThatThrownBy(() -> validator.validate(xlsx, "many.xlsx", small, List.of()))
                .isInstanceOf(ImportRejectedException.class).hasMessageContaining("more than 100 rows");
    }

    @Test
    void stopsAtTheParseDeadline() throws Exception {
        Path file = dir.resolve("slow.csv");
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("kpi_name,value,category,account_name\n");
            for (int i = 0; i < 200_000; i++) {
                out.write("KPI " + i + "," + (i % 100) + ",Adoption,Acme\n");
            }
        }
        ImportLimits tight = new ImportLimits(100_000_000, 1_000_000, Duration.ofMillis(5));
        long start = System.nanoTime();
        assertThatThrownBy(() -> validator.validate(file, "slow.csv", tight, List.of()))
                .isInstanceOf(ImportRejectedException.class).hasMessageContaining("took longer than 5 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void unterminatedQuoteIsRefusedNotBuffered() throws Exception {
        StringBuilder csv = new StringBuilder("kpi_name,value\n\"never closed,1\n");
        csv.append("x".repeat(3 << 20));
        assertRefused("quote.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "could not be read");
    }

    private void assertRefused(String filename, byte[] content, String messagePart) {
        Path file;
        try {
            file = write(filename, content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThatThrownBy(() -> validator.validate(file, filename, ImportLimits.defaults(), List.of()))
                .isInstanceOf(ImportRejectedException.class)
                .satisfies(e -> assertThat(((ImportRejectedException) e).userMessage())
                        .contains(messagePart).endsWith("."));
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = Files.createTempFile(dir, "upload", name.substring(name.lastIndexOf('.')));
        Files.write(file, content);
        return file;
    }

    /** Copies a zip and adds one entry, as Excel does when it saves a workbook with macros. */
    static byte[] withExtraEntry(byte[] zipBytes, String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(zip);
            }
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
        }
        return out.toByteArray();
    }
}
