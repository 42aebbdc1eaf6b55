package com.frontline.accounts.importing;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class KpiTemplatesTest {

    @TempDir
    Path dir;

    @Test
    void standardTemplateValidatesCleanly() throws Exception {
        ValidationReport report = validate("kpi-template.xlsx", KpiTemplates.standardWorkbook());

        assertThat(report.format()).isEqualTo(DetectedFormat.STANDARD_WORKBOOK);
        assertThat(report.problems()).isEmpty();
        assertThat(report.needsMapping()).isFalse();
        assertThat(report.confidence()).isGreaterThanOrEqualTo(0.95);
        assertThat(report.accepted()).hasSize(7).allSatisfy(row -> assertThat(row.accountName())
                .isEqualTo("Example Corp"));
        assertThat(report.accounts()).singleElement().satisfies(account -> {
            assertThat(account.accountName()).isEqualTo("Example Corp");
            assertThat(account.attributes()).containsEntry("Owner", "Jane Doe")
                    .containsEntry("Renewal Date", "2026-06-30");
        });
        KpiRow first = report.accepted().getFirst();
        assertThat(first.percentage()).isTrue();
        assertThat(first.value()).isEqualByComparingTo("0.82");
        assertThat(first.impactLevel()).isEqualTo(ImpactLevel.HIGH);
        assertThat(first.healthComponent()).isEqualTo("Product adoption");
        assertThat(first.direction()).isEqualTo(KpiDirection.HIGHER_IS_BETTER);
        assertThat(report.accepted().getLast()).satisfies(churn -> {
            assertThat(churn.kpiName()).isEqualTo("Churn rate");
            assertThat(churn.direction()).isEqualTo(KpiDirection.LOWER_IS_BETTER);
        });
    }

    @Test
    void standardTemplateHasInstructionsAndDropdowns() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(KpiTemplates.standardWorkbook()))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Instructions");
            assertThat(workbook.getSheet("Account Info")).isNotNull();
            assertThat(workbook.getSheet("Summary")).isNotNull();
            assertThat(workbook.getSheet("KPI Data").getRow(0).getCell(6).getStringCellValue())
                    .isEqualTo("Direction");
            assertThat(workbook.getSheet("Instructions")).anySatisfy(row -> assertThat(row.getCell(0)
                    .getStringCellValue()).startsWith("   Direction: Higher is better").contains("Lower is better"));
            var validations = workbook.getSheet("KPI Data").getDataValidations();
            assertThat(validations).hasSize(3);
            assertThat(validations).anySatisfy(v -> {
                assertThat(v.getValidationConstraint().getExplicitListValues())
                        .containsExactly("Higher is better", "Lower is better");
                assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(6);
            });
            assertThat(validations).anySatisfy(v -> assertThat(v.getValidationConstraint().getExplicitListValues())
                    .containsExactly("High", "Medium", "Low"));
            assertThat(validations).anySatisfy(v -> assertThat(v.getValidationConstraint().getExplicitListValues())
                    .containsAll(KpiTemplates.CATEGORIES));
        }
    }

    @Test
    void simpleTemplateValidatesCleanly() throws Exception {
        ValidationReport report = validate("kpi-simple.xlsx", KpiTemplates.simpleWorkbook());

        assertThat(report.format()).isEqualTo(DetectedFormat.SIMPLE_LIST);
        assertThat(report.problems()).isEmpty();
        assertThat(report.confidence()).isGreaterThanOrEqualTo(0.95);
        assertThat(report.accepted()).hasSize(7).allSatisfy(row -> {
            assertThat(row.accountName()).isEqualTo("Example Corp");
            assertThat(row.direction()).isNotNull();
        });
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(KpiTemplates.simpleWorkbook()))) {
            assertThat(workbook.getSheet("KPIs").getRow(2).getCell(3).getStringCellValue()).isEqualTo("Direction");
            assertThat(workbook.getSheet("KPIs").getDataValidations()).anySatisfy(v -> assertThat(
                    v.getValidationConstraint().getExplicitListValues()).containsExactlyElementsOf(
                    KpiTemplates.DIRECTIONS));
        }
    }

    @Test
    void csvTemplateValidatesCleanlyAsTimeSeries() throws Exception {
        ValidationReport report = validate("kpi-template.csv", KpiTemplates.csv());

        assertThat(report.format()).isEqualTo(DetectedFormat.CSV);
        assertThat(report.problems()).isEmpty();
        assertThat(report.confidence()).isGreaterThanOrEqualTo(0.95);
        assertThat(report.accepted()).hasSize(14).allSatisfy(row -> {
            assertThat(row.date()).isNotNull();
            assertThat(row.direction()).isNotNull();
        });
        assertThat(report.accepted()).filteredOn(row -> row.direction() == KpiDirection.LOWER_IS_BETTER)
                .extracting(KpiRow::kpiName).containsOnly("Churn rate").hasSize(2);
        assertThat(new String(KpiTemplates.csv(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
                .contains(",direction,");
        assertThat(report.formatLabel()).contains("with BOM");
    }

    @Test
    void aStandardTemplateFilledInImportsAndScoresLowerIsBetterKpis() throws Exception {
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(KpiTemplates.standardWorkbook()))) {
            Sheet kpis = workbook.getSheet("KPI Data");
            // keep only the header, then fill in three KPIs as an admin would
            for (int r = kpis.getLastRowNum(); r >= 1; r--) {
                kpis.removeRow(kpis.getRow(r));
            }
            row(kpis, 1, "Adoption", "Active users", 0.8, "High", "Higher is better");
            row(kpis, 2, "Financial", "Churn rate", 0.1, "High", "Lower is better");
            row(kpis, 3, "Support", "Ticket backlog", 0.3, "High", ""); // empty: lower by its name
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            filled = out.toByteArray();
        }
        ValidationReport report = validate("filled.xlsx", filled);

        assertThat(report.problems()).isEmpty();
        assertThat(report.accepted()).extracting(KpiRow::kpiName, KpiRow::direction).containsExactly(
                tuple("Active users", KpiDirection.HIGHER_IS_BETTER),
                tuple("Churn rate", KpiDirection.LOWER_IS_BETTER),
                tuple("Ticket backlog", null));
        HealthScore health = HealthScores.compute(report.accepted());
        assertThat(health.score()).isEqualTo(80.0); // (80 + 90 + 70) / 3
        assertThat(health.notes()).singleElement().asString().contains("'Ticket backlog' counted as lower is better");
    }

    private static void row(Sheet sheet, int index, String component, String kpi, double value, String impact,
                            String direction) {
        Row row = sheet.createRow(index);
        row.createCell(0).setCellValue(component);
        row.createCell(1).setCellValue(kpi);
        row.createCell(2).setCellValue(value);
        row.createCell(3).setCellValue(1);
        row.createCell(4).setCellValue(impact);
        row.createCell(5).setCellValue("Support");
        row.createCell(6).setCellValue(direction);
    }

    private ValidationReport validate(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return new KpiFileValidator().validate(file, name, ImportLimits.defaults(), List.of());
    }
}
