package com.frontline.accounts.importing;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(report.accepted()).hasSize(6).allSatisfy(row -> assertThat(row.accountName())
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
    }

    @Test
    void standardTemplateHasInstructionsAndDropdowns() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(KpiTemplates.standardWorkbook()))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Instructions");
            assertThat(workbook.getSheet("Account Info")).isNotNull();
            assertThat(workbook.getSheet("Summary")).isNotNull();
            var validations = workbook.getSheet("KPI Data").getDataValidations();
            assertThat(validations).hasSize(2);
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
        assertThat(report.accepted()).hasSize(6).allSatisfy(row -> assertThat(row.accountName())
                .isEqualTo("Example Corp"));
    }

    @Test
    void csvTemplateValidatesCleanlyAsTimeSeries() throws Exception {
        ValidationReport report = validate("kpi-template.csv", KpiTemplates.csv());

        assertThat(report.format()).isEqualTo(DetectedFormat.CSV);
        assertThat(report.problems()).isEmpty();
        assertThat(report.confidence()).isGreaterThanOrEqualTo(0.95);
        assertThat(report.accepted()).hasSize(12).allSatisfy(row -> assertThat(row.date()).isNotNull());
        assertThat(report.formatLabel()).contains("with BOM");
    }

    private ValidationReport validate(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return new KpiFileValidator().validate(file, name, ImportLimits.defaults(), List.of());
    }
}
