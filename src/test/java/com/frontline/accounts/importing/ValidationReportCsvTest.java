package com.frontline.accounts.importing;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationReportCsvTest {

    @TempDir
    Path dir;

    @Test
    void neutralisesFormulaInjection() {
        List<RowProblem> problems = List.of(
                new RowProblem("=cmd|' /C calc'!A0", 2, "+Value", "=HYPERLINK(\"http://evil\",\"x\")",
                        "-2+3", "@SUM(A1)"),
                new RowProblem("KPIs", 3, "Value", "\tx", "\r=1", "  =1+1"),
                new RowProblem("KPIs", 4, "Value", "85%", "The value, \"quoted\"", "plain"));
        ValidationReport report = new ValidationReport(DetectedFormat.CSV, 1, "CSV", List.of(), List.of(), 3, List.of(),
                List.of(), problems, false, List.of());

        StringWriter out = new StringWriter();
        ValidationReportCsv.write(report, out);

        List<CsvRecord> records = CsvReader.builder().ofCsvRecord(out.toString()).stream().toList();
        assertThat(records.getFirst().getFields()).containsExactly("sheet", "row", "column", "value", "message",
                "hint");
        assertThat(records.get(1).getFields()).containsExactly("'=cmd|' /C calc'!A0", "2", "'+Value",
                "'=HYPERLINK(\"http://evil\",\"x\")", "'-2+3", "'@SUM(A1)");
        assertThat(records.get(2).getFields()).containsExactly("KPIs", "3", "Value", "'\tx", "'\r=1", "'  =1+1");
        assertThat(records.get(3).getFields()).containsExactly("KPIs", "4", "Value", "85%", "The value, \"quoted\"",
                "plain");
    }

    @Test
    void writesOneLinePerProblemOfARealFile() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, """
                kpi_name,value,weight,impact_level
                =EVIL(),abc,1,High
                NPS,45,500,Urgent
                """, StandardCharsets.UTF_8);
        ValidationReport report = new KpiFileValidator().validate(file, "bad.csv", ImportLimits.defaults(),
                List.of());

        StringWriter out = new StringWriter();
        ValidationReportCsv.write(report, out);

        List<CsvRecord> records = CsvReader.builder().ofCsvRecord(out.toString()).stream().toList();
        assertThat(records).hasSize(1 + report.problems().size());
        assertThat(records.get(1).getFields()).containsExactly("bad.csv", "2", "value", "abc",
                "The value is not a number",
                "Use digits only, for example 85, 85%, 0.85 or 1234.5; remove text such as \"n/a\".");
        assertThat(out.toString()).doesNotContain(",=EVIL");
    }
}
