package com.frontline.accounts.importing;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a unit test: generates a 100,000-row × 8-column standard workbook and a 1,000,000-row CSV, validates each and
 * prints the time and the peak heap above the post-GC baseline (sampled every 5 ms while validating).
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp -Dmdep.includeScope=test
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/test.cp) \
 *     com.frontline.accounts.importing.KpiImportBenchmark [--inline-strings]
 * </pre>
 */
public final class KpiImportBenchmark {

    private static final String[] COMPONENTS = {"Adoption", "Support", "Relationship", "Financial"};
    private static final String[] IMPACTS = {"High", "Medium", "Low"};

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("kpi-bench");
        Path xlsx = dir.resolve("kpis-100k.xlsx");
        Path csv = dir.resolve("kpis-1m.csv");
        long t0 = System.nanoTime();
        boolean inline = List.of(args).contains("--inline-strings");
        writeWorkbook(xlsx, 100_000, inline);
        System.out.printf(Locale.ROOT, "generated %s (%s strings): %.1f MB in %.1f s%n", xlsx.getFileName(),
                inline ? "inline" : "shared",
                Files.size(xlsx) / 1048576.0, (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        writeCsv(csv, 1_000_000);
        System.out.printf(Locale.ROOT, "generated %s: %.1f MB in %.1f s%n", csv.getFileName(),
                Files.size(csv) / 1048576.0, (System.nanoTime() - t0) / 1e9);

        ImportLimits limits = new ImportLimits(1L << 30, 2_000_000, Duration.ofSeconds(120));
        measure("XLSX 100k x 8", xlsx, limits);
        measure("CSV 1M x 7", csv, limits);

        Files.delete(xlsx);
        Files.delete(csv);
        Files.delete(dir);
    }

    private static void measure(String label, Path file, ImportLimits limits) throws Exception {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        Thread.sleep(200);
        long baseline = runtime.totalMemory() - runtime.freeMemory();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ValidationReport report = new KpiFileValidator().validate(file, file.getFileName().toString(), limits,
                List.of());
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        sampler.interrupt();
        sampler.join();
        peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
        System.out.printf(Locale.ROOT, "%-14s %s, %d rows read, %d accepted, %d problems: %.2f s wall, %.2f s CPU, peak "
                        + "extra heap %.0f MB (baseline %.0f MB, max heap %.0f MB)%n", label, report.format(), report.rowsRead(),
                report.accepted().size(), report.problems().size(), seconds, cpuSeconds, (peak.get() - baseline) / 1048576.0,
                baseline / 1048576.0, runtime.maxMemory() / 1048576.0);
    }

    private static void writeWorkbook(Path file, int rows, boolean inlineStrings) throws IOException {
        // Shared strings by default, as Excel, LibreOffice and Google Sheets write them; SXSSF's own default,
        // inline strings, is much slower to read (the streaming reader parses each through XMLBeans).
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, false, !inlineStrings);
             OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
            Sheet info = workbook.createSheet("Account Info");
            String[] headers = {"Account Name", "Owner", "Segment", "Renewal Date"};
            Row header = info.createRow(0);
            for (int c = 0; c < headers.length; c++) {
                header.createCell(c).setCellValue(headers[c]);
            }
            for (int a = 0; a < 1000; a++) {
                Row row = info.createRow(a + 1);
                row.createCell(0).setCellValue("Account " + a);
                row.createCell(1).setCellValue("Owner " + (a % 20));
                row.createCell(2).setCellValue(a % 3 == 0 ? "Enterprise" : "SMB");
                row.createCell(3).setCellValue("2026-06-30");
            }
            Sheet kpis = workbook.createSheet("KPI Data");
            String[] kpiHeaders = {"Account", "Health Score Component", "KPI/Parameter", "Data", "Weight",
                    "Impact Level", "Category", "Date"};
            Row kpiHeader = kpis.createRow(0);
            for (int c = 0; c < kpiHeaders.length; c++) {
                kpiHeader.createCell(c).setCellValue(kpiHeaders[c]);
            }
            LocalDate first = LocalDate.of(2025, 1, 1);
            for (int r = 0; r < rows; r++) {
                Row row = kpis.createRow(r + 1);
                row.createCell(0).setCellValue("Account " + (r % 1000));
                row.createCell(1).setCellValue(COMPONENTS[r % COMPONENTS.length]);
                row.createCell(2).setCellValue("KPI " + (r / 1000));
                row.createCell(3).setCellValue((r % 100) / 100.0);
                row.getCell(3).setCellStyle(percent);
                row.createCell(4).setCellValue(1 + r % 3);
                row.createCell(5).setCellValue(IMPACTS[r % 3]);
                row.createCell(6).setCellValue(COMPONENTS[(r / 7) % COMPONENTS.length]);
                row.createCell(7).setCellValue(first.plusDays(r % 365));
                row.getCell(7).setCellStyle(date);
            }
            workbook.createSheet("Summary").createRow(0).createCell(0).setCellValue("Health Score");
            workbook.write(out);
        }
    }

    private static void writeCsv(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("kpi_name,value,category,account_name,weight,impact_level,date\n");
            LocalDate first = LocalDate.of(2020, 1, 1);
            for (int r = 0; r < rows; r++) {
                out.write("KPI " + (r % 50));
                out.write(',');
                out.write(r % 2 == 0 ? (r % 100) + "%" : "0." + (r % 100));
                out.write(',');
                out.write(COMPONENTS[r % COMPONENTS.length]);
                out.write(",Account ");
                out.write(Integer.toString((r / 50) % 1000));
                out.write(',');
                out.write(Integer.toString(1 + r % 3));
                out.write(',');
                out.write(IMPACTS[r % 3]);
                out.write(',');
                out.write(first.plusDays(r / 50_000).toString());
                out.write('\n');
            }
        }
    }
}
