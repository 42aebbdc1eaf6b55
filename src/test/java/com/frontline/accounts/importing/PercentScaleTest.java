package com.frontline.accounts.importing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.frontline.accounts.importing.KpiFixtures.Pct;
import static com.frontline.accounts.importing.KpiFixtures.sheets;
import static com.frontline.accounts.importing.KpiFixtures.with;
import static com.frontline.accounts.importing.KpiFixtures.workbook;
import static org.assertj.core.api.Assertions.assertThat;

/** A number that does not fit its KPI's scale is a row problem with a hint, not a silent 1.4 out of 100. */
class PercentScaleTest {

    private final KpiFileValidator validator = new KpiFileValidator();

    @TempDir
    Path dir;

    @Test
    void aPlainNumberAboveOneAmongFractionsIsAProblemNotAScore() throws Exception {
        ValidationReport report = csv("""
                account,kpi,value
                Acme,Adoption,0.45
                Globex,Adoption,0.52
                Initech,Adoption,1.4
                Umbrella,Adoption,0.61
                """);
        assertThat(report.accepted()).extracting(KpiRow::accountName).containsExactly("Acme", "Globex", "Umbrella");
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.rowNumber()).isEqualTo(4);
            assertThat(p.column()).isEqualTo("value");
            assertThat(p.value()).isEqualTo("1.4");
            assertThat(p.message()).contains("does not fit the other values of 'Adoption'").contains("0.45")
                    .contains("1.4 % or 140 %");
            assertThat(p.hint()).contains("1.4% or 140%");
        });
    }

    @Test
    void aFractionAmongPercentagePointsIsAProblem() throws Exception {
        ValidationReport report = csv("""
                account,kpi,value
                Acme,NPS,45
                Globex,NPS,62
                Initech,NPS,0.8
                """);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.value()).isEqualTo("0.8");
            assertThat(p.message()).contains("0–100 scale").contains("80 % or 0.8 %");
        });
    }

    @Test
    void aPercentSignAmongFractionsIsFineAndAPlainNumberAmongPercentSignsIsNot() throws Exception {
        ValidationReport report = csv("""
                account,kpi,value
                Acme,CSAT,45%
                Globex,CSAT,0.52
                Initech,CSAT,70%
                Umbrella,CSAT,1.4
                """);
        assertThat(report.accepted()).hasSize(3);
        assertThat(report.problems()).extracting(RowProblem::value).containsExactly("1.4");
    }

    @Test
    void countsRatingsAndExplicitPercentagesAboveAHundredAreNotQuestioned() throws Exception {
        ValidationReport report = csv("""
                account,kpi,value
                Acme,Logins per user,2.5
                Globex,Logins per user,3.1
                Initech,Logins per user,0.7
                Acme,Tickets,0.5
                Globex,Tickets,120
                Initech,Tickets,0.9
                Acme,Net revenue retention,140%
                Globex,Net revenue retention,95%
                Initech,Net revenue retention,0.9
                Acme,Renewal,1
                Globex,Renewal,0
                Initech,Renewal,1
                """);
        assertThat(report.problems()).isEmpty();
        assertThat(report.accepted()).hasSize(12);
    }

    @Test
    void aKpiWithOneValueIsComparedWithItsPercentageColumn() throws Exception {
        // one account, so every KPI has one value: the "Value (%)" column decides the scale
        ValidationReport report = csv("""
                kpi,value (%),account
                NPS,0.45,Acme
                CSAT,0.8,Acme
                Adoption,1.4,Acme
                Retention,0.9,Acme
                """);
        assertThat(report.problems()).extracting(RowProblem::value).containsExactly("1.4");
        assertThat(report.problems().getFirst().message()).contains("the other values in this sheet");

        // without a percentage header or percent cells, a lone value is read as written (1.4 points)
        ValidationReport plain = csv("""
                kpi,value,account
                NPS,0.45,Acme
                Adoption,1.4,Acme
                CSAT,0.8,Acme
                """);
        assertThat(plain.problems()).isEmpty();
    }

    @Test
    void aPlainNumberInAPercentFormattedColumnIsAProblem() throws Exception {
        byte[] xlsx = workbook(sheets("KPIs", with(List.of("KPI Name", "Value", "Account"), List.of(
                List.of("NPS", new Pct(0.45), "Acme"),
                List.of("CSAT", new Pct(0.8), "Acme"),
                List.of("Adoption", 1.4, "Acme"),
                List.of("Retention", new Pct(0.9), "Acme")))));
        Path file = dir.resolve("kpis.xlsx");
        Files.write(file, xlsx);
        ValidationReport report = validator.validate(file, "kpis.xlsx", ImportLimits.defaults(), List.of());
        assertThat(report.problems()).extracting(RowProblem::rowNumber).containsExactly(4);
        assertThat(report.accepted()).extracting(KpiRow::value).allMatch(v -> v.compareTo(BigDecimal.ONE) < 0);
    }

    private ValidationReport csv(String text) throws Exception {
        Path file = dir.resolve("kpis.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return validator.validate(file, "kpis.csv", ImportLimits.defaults(), List.of());
    }
}
