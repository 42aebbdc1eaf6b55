package com.frontline.accounts.importing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.frontline.accounts.importing.KpiFixtures.sheets;
import static com.frontline.accounts.importing.KpiFixtures.with;
import static com.frontline.accounts.importing.KpiFixtures.workbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** One column per KPI: mapped once, read cell by cell, recognised next time; and "Rows read" counts KPI rows only. */
class WideLayoutTest {

    static final String WIDE = """
            Customer,Month,NPS,CSAT %,Logins
            Acme,2026-10-31,45,80%,1200
            Acme,2026-11-30,48,,1250
            Globex,2026-11-30,30,65%,n/a
            """;

    static final SavedMapping MAPPING = new SavedMapping("Monthly board export",
            Map.of("Customer", StandardField.ACCOUNT_NAME, "Month", StandardField.DATE),
            Set.of("NPS", "CSAT %", "Logins"));

    private final KpiFileValidator validator = new KpiFileValidator();

    @TempDir
    Path dir;

    @Test
    void withoutAMappingAWideFileAsksForOne() throws Exception {
        ValidationReport report = validator.validate(csv(WIDE), "board.csv", ImportLimits.defaults(), List.of());
        assertThat(report.needsMapping()).isTrue();
        assertThat(report.sourceColumns()).containsExactly("Customer", "Month", "NPS", "CSAT %", "Logins");
    }

    @Test
    void eachKpiCellBecomesOneValueNamedAfterItsColumn() throws Exception {
        ValidationReport report = validator.validate(csv(WIDE), "board.csv", ImportLimits.defaults(), MAPPING);

        assertThat(report.format()).isEqualTo(DetectedFormat.SAVED_MAPPING);
        assertThat(report.needsMapping()).isFalse();
        assertThat(report.rowsRead()).isEqualTo(3);
        assertThat(report.accepted()).extracting(KpiRow::accountName, KpiRow::kpiName, KpiRow::value, KpiRow::date)
                .containsExactly(
                        tuple("Acme", "NPS", new BigDecimal("45"), LocalDate.of(2026, 10, 31)),
                        tuple("Acme", "CSAT %", new BigDecimal("0.8"), LocalDate.of(2026, 10, 31)),
                        tuple("Acme", "Logins", new BigDecimal("1200"), LocalDate.of(2026, 10, 31)),
                        tuple("Acme", "NPS", new BigDecimal("48"), LocalDate.of(2026, 11, 30)),
                        tuple("Acme", "Logins", new BigDecimal("1250"), LocalDate.of(2026, 11, 30)),
                        tuple("Globex", "NPS", new BigDecimal("30"), LocalDate.of(2026, 11, 30)),
                        tuple("Globex", "CSAT %", new BigDecimal("0.65"), LocalDate.of(2026, 11, 30)));
        // a bad cell is reported under its own column
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.rowNumber()).isEqualTo(4);
            assertThat(p.column()).isEqualTo("Logins");
            assertThat(p.value()).isEqualTo("n/a");
        });
        assertThat(report.notes()).anyMatch(n -> n.contains("1 empty KPI cell was skipped"));
        assertThat(report.columnRoles()).containsExactly("ACCOUNT_NAME", "DATE", "KPI", "KPI", "KPI");
    }

    @Test
    void aSavedWideFormatIsRecognisedNextTimeEvenWithOneKpiMoreOrLess() throws Exception {
        String nextMonth = """
                Customer,Month,NPS,Logins,Seats
                Acme,2026-12-31,50,1300,40
                """;
        ValidationReport report = validator.validate(csv(nextMonth), "board-dec.csv", ImportLimits.defaults(),
                List.of(MAPPING));
        assertThat(report.format()).isEqualTo(DetectedFormat.SAVED_MAPPING);
        assertThat(report.accepted()).extracting(KpiRow::kpiName).containsExactly("NPS", "Logins");
        assertThat(report.notes()).anyMatch(n -> n.contains("Columns not imported") && n.contains("Seats"));

        // a file sharing only the account column is not taken for this format
        ValidationReport other = validator.validate(csv("Customer,Region,Plan\nAcme,EU,Pro\n"), "x.csv",
                ImportLimits.defaults(), List.of(MAPPING));
        assertThat(other.needsMapping()).isTrue();
    }

    @Test
    void aWideWorkbookWithoutAnAccountColumnUsesTheAccountLabel() throws Exception {
        byte[] xlsx = workbook(sheets("Export", List.of(
                List.<Object>of("Account", "Initech"),
                List.<Object>of("Month", "NPS", "CSAT %"),
                List.<Object>of(LocalDate.of(2026, 11, 30), 40, 0.7))));
        Path file = dir.resolve("export.xlsx");
        Files.write(file, xlsx);
        SavedMapping mapping = new SavedMapping("Initech monthly", Map.of("Month", StandardField.DATE),
                Set.of("NPS", "CSAT %"));
        ValidationReport report = validator.validate(file, "export.xlsx", ImportLimits.defaults(), mapping);
        assertThat(report.accepted()).extracting(KpiRow::accountName, KpiRow::kpiName)
                .containsExactly(tuple("Initech", "NPS"), tuple("Initech", "CSAT %"));
    }

    @Test
    void rowsReadCountsKpiRowsNotAccountInfoHeadersOrBlankRows() throws Exception {
        List<List<Object>> kpiData = new java.util.ArrayList<>();
        kpiData.add(List.of("Health Score Component", "KPI/Parameter", "Data", "Weight", "Impact Level", "Category"));
        for (int i = 1; i <= 9; i++) {
            kpiData.add(List.of("Engagement", "KPI " + i, 0.5, 1, "High", "Engagement"));
            if (i % 3 == 0) {
                kpiData.add(List.of("", ""));
            }
        }
        byte[] xlsx = workbook(sheets(
                "Instructions", List.of(List.<Object>of("Fill in the KPI Data sheet"), List.<Object>of("One row per KPI")),
                "Account Info", List.of(List.<Object>of("Account Name", "Northwind"), List.<Object>of("Owner", "Jane"),
                        List.<Object>of("Segment", "Enterprise"), List.<Object>of("Renewal Date", "2027-01-31"),
                        List.<Object>of("Region", "EU")),
                "KPI Data", kpiData,
                "Summary", List.of(List.<Object>of("Overall", 50))));
        Path file = dir.resolve("northwind.xlsx");
        Files.write(file, xlsx);
        ValidationReport report = validator.validate(file, "northwind.xlsx", ImportLimits.defaults(), List.of());
        assertThat(report.accepted()).hasSize(9);
        assertThat(report.rowsRead()).isEqualTo(9);
    }

    @Test
    void anAccountNamedAfterTheFileIsAGuessThatOffersTheMapping() throws Exception {
        ValidationReport guessed = validator.validate(csv("Metric,Score\nNPS,45\nCSAT,80\n"), "q3_export.csv",
                ImportLimits.defaults(), List.of());
        assertThat(guessed.needsMapping()).isFalse();
        assertThat(guessed.accepted()).extracting(KpiRow::accountName).containsOnly("q3 export");
        assertThat(guessed.confidence()).isLessThan(ValidationReport.OFFER_MAPPING_BELOW);
        assertThat(guessed.offersMapping()).isTrue();
        assertThat(guessed.columnRoles()).containsExactly("KPI_NAME", "VALUE");

        ValidationReport sure = validator.validate(csv("account,kpi,value\nAcme,NPS,45\n"), "kpis.csv",
                ImportLimits.defaults(), List.of());
        assertThat(sure.offersMapping()).isFalse();
    }

    private Path csv(String text) throws Exception {
        Path file = Files.createTempFile(dir, "upload", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
