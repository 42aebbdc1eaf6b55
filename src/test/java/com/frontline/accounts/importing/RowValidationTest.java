package com.frontline.accounts.importing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RowValidationTest {

    @TempDir
    Path dir;

    @Test
    void everyProblemNamesSheetRowColumnValueAndHint() throws Exception {
        ValidationReport report = validate("kpis.csv", """
                KPI Name;Value;Category;Account;Weighting;Priority;Date
                Active users;82%;Adoption;Acme;1;High;2025-01-31
                ;45;Sentiment;Acme;1;High;2025-01-31
                CSAT;n/a;Support;Acme;1;High;2025-01-31
                Uptime;99,9;Ops;Acme;-2;High;2025-01-31
                Seats;12;Ops;Acme;5000;High;2025-01-31
                Renewals;0,8;Financial;Acme;1;Urgent;2025-01-31
                Logins;10;Adoption;Acme;1;Low;31/02/2025
                Active users;83%;Adoption;Acme;1;High;2025-01-31
                Active users;85%;Adoption;Acme;1;High;2025-02-28
                NPS;45;Sentiment;Acme;1;Low;2025-01-31;extra
                """);

        assertThat(report.accepted()).extracting(KpiRow::rowNumber).containsExactly(2, 10);
        assertThat(report.problems()).extracting(RowProblem::sheet).containsOnly("kpis.csv");
        assertThat(report.problems())
                .extracting(RowProblem::rowNumber, RowProblem::column, RowProblem::value, RowProblem::message)
                .containsExactly(
                        tuple(3, "KPI Name", "", "The KPI name is missing"),
                        tuple(4, "Value", "n/a", "The value is not a number"),
                        tuple(5, "Weighting", "-2", "The weight is negative"),
                        tuple(6, "Weighting", "5000", "The weight is implausibly large (more than 100)"),
                        tuple(7, "Priority", "Urgent", "Unknown impact level"),
                        tuple(8, "Date", "31/02/2025", "The date is not valid"),
                        tuple(9, "KPI Name", "Active users", "Duplicate KPI: row 2 has the same account, KPI and date"),
                        tuple(11, "", "NPS;45;Sentiment;Acme;1;Low;2025-01-31;extra".replace(';', ','),
                                "The row has 8 columns but the header has 7"));
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.hint()).isNotBlank());
        assertThat(report.problems().get(4).hint()).isEqualTo("Use High, Medium or Low.");
        assertThat(report.rowsRead()).isEqualTo(10);
    }

    @Test
    void anUnknownDirectionIsARowProblemWithAHint() throws Exception {
        ValidationReport report = validate("kpis.csv", """
                kpi_name,value,account_name,Better when
                Churn rate,12%,Acme,lower
                NPS,45,Acme,sideways
                CSAT,0.9,Acme,
                """);

        assertThat(report.accepted()).extracting(KpiRow::kpiName).containsExactly("Churn rate", "CSAT");
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.sheet()).isEqualTo("kpis.csv");
            assertThat(p.rowNumber()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("Better when");
            assertThat(p.value()).isEqualTo("sideways");
            assertThat(p.message()).isEqualTo("Unknown direction");
            assertThat(p.hint()).contains("Higher is better", "Lower is better");
        });
    }

    @Test
    void workbookRowNumbersAreThoseExcelShows() throws Exception {
        byte[] xlsx = KpiFixtures.workbook(KpiFixtures.sheets("KPIs", List.of(
                List.of("Account", "Acme"), List.of(), List.of("KPI Name", "Value", "Category"),
                List.of("NPS", 45, "Sentiment"), List.of(), List.of("CSAT", "lots", "Support"))));
        ValidationReport report = validate("kpis.xlsx", xlsx);

        assertThat(report.accepted()).singleElement().satisfies(row -> {
            assertThat(row.rowNumber()).isEqualTo(4);
            assertThat(row.accountName()).isEqualTo("Acme");
        });
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.sheet()).isEqualTo("KPIs");
            assertThat(p.rowNumber()).isEqualTo(6);
            assertThat(p.column()).isEqualTo("Value");
        });
    }

    @Test
    void explicitMappingReadsAnUnknownLayout() throws Exception {
        Path file = dir.resolve("odd.csv");
        Files.writeString(file, "Col A,Col B,Col C\nNPS,45,Acme\nCSAT,0.9,Acme\n", StandardCharsets.UTF_8);
        KpiFileValidator validator = new KpiFileValidator();

        ValidationReport detected = validator.validate(file, "odd.csv", ImportLimits.defaults(), List.of());
        assertThat(detected.format()).isEqualTo(DetectedFormat.UNKNOWN);
        assertThat(detected.needsMapping()).isTrue();
        assertThat(detected.sourceColumns()).containsExactly("Col A", "Col B", "Col C");

        SavedMapping mapping = new SavedMapping("Odd export", java.util.Map.of("Col A", StandardField.KPI_NAME,
                "col_b", StandardField.VALUE, "COL C", StandardField.ACCOUNT_NAME));
        ValidationReport mapped = validator.validate(file, "odd.csv", ImportLimits.defaults(), mapping);
        assertThat(mapped.format()).isEqualTo(DetectedFormat.SAVED_MAPPING);
        assertThat(mapped.accepted()).extracting(KpiRow::kpiName, KpiRow::accountName)
                .containsExactly(tuple("NPS", "Acme"), tuple("CSAT", "Acme"));
        assertThat(mapped.confidence()).isEqualTo(1.0);
    }

    private ValidationReport validate(String name, String csv) throws Exception {
        return validate(name, csv.getBytes(StandardCharsets.UTF_8));
    }

    private ValidationReport validate(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return new KpiFileValidator().validate(file, name, ImportLimits.defaults(), List.of());
    }
}
