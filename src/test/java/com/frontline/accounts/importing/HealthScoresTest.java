package com.frontline.accounts.importing;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HealthScoresTest {

    @Test
    void weightedMeanWithImpactMultipliers() {
        // 80 × (2 × 1.5) + 40 × (1 × 0.5) + 60 × (1 × 1.0) = 240 + 20 + 60 = 320; weights 3 + 0.5 + 1 = 4.5
        HealthScore score = HealthScores.compute(List.of(
                kpi("Active users", "0.8", true, "2", ImpactLevel.HIGH, null),
                kpi("Low-impact KPI", "40", false, null, ImpactLevel.LOW, null),
                kpi("NPS", "60", false, null, null, null)));

        assertThat(score.score()).isEqualTo(71.1);
        assertThat(score.band()).isEqualTo("Healthy");
        assertThat(score.kpisUsed()).isEqualTo(3);
        assertThat(score.kpisSkipped()).isZero();
    }

    @Test
    void fractionsAndPercentagesAreScaledToHundred() {
        assertThat(HealthScores.compute(List.of(kpi("CSAT", "0.55", false, null, null, null))).score())
                .isEqualTo(55.0);
        assertThat(HealthScores.compute(List.of(kpi("CSAT", "0.55", true, null, null, null))).band())
                .isEqualTo("Needs attention");
    }

    @Test
    void valuesThatCannotBeNormalisedAreSkippedWithANote() {
        HealthScore score = HealthScores.compute(List.of(
                kpi("Open tickets", "1250", false, null, null, null),
                kpi("Adoption", "0.2", true, null, null, null)));

        assertThat(score.score()).isEqualTo(20.0);
        assertThat(score.band()).isEqualTo("At risk");
        assertThat(score.kpisSkipped()).isEqualTo(1);
        assertThat(score.notes()).anyMatch(note -> note.contains("Open tickets"));
    }

    @Test
    void unknownWithoutScorableKpis() {
        assertThat(HealthScores.compute(List.of())).isEqualTo(new HealthScore(null, "Unknown", 0, 0, List.of()));
        HealthScore onlyCounts = HealthScores.compute(List.of(kpi("Seats", "5000", false, null, null, null)));
        assertThat(onlyCounts.score()).isNull();
        assertThat(onlyCounts.band()).isEqualTo("Unknown");
    }

    @Test
    void timeSeriesUsesTheLatestValue() {
        HealthScore score = HealthScores.compute(List.of(
                kpi("NPS", "20", false, null, null, LocalDate.of(2025, 3, 31)),
                kpi("NPS", "80", false, null, null, LocalDate.of(2025, 1, 31))));

        assertThat(score.score()).isEqualTo(20.0);
        assertThat(score.kpisUsed()).isEqualTo(1);
        assertThat(score.notes()).anyMatch(note -> note.contains("latest of 2"));
    }

    @Test
    void bandBoundaries() {
        assertThat(HealthScores.band(70)).isEqualTo("Healthy");
        assertThat(HealthScores.band(69.9)).isEqualTo("Needs attention");
        assertThat(HealthScores.band(40)).isEqualTo("Needs attention");
        assertThat(HealthScores.band(39.9)).isEqualTo("At risk");
        assertThat(HealthScores.FORMULA_DESCRIPTION).contains("High 1.5", "Low 0.5", "70", "40");
    }

    @Test
    void aLowerIsBetterKpiCountsAsHundredMinusItsValue() {
        // churn 10% → 90; NPS 60 → 60; (90 + 60) / 2 = 75
        HealthScore score = HealthScores.compute(List.of(
                kpi("Customer churn", "0.10", true, KpiDirection.LOWER_IS_BETTER),
                kpi("NPS", "60", false, null)));

        assertThat(score.score()).isEqualTo(75.0);
        assertThat(score.kpisUsed()).isEqualTo(2);
        assertThat(score.notes()).isEmpty(); // stated in the file: nothing to explain
    }

    @Test
    void moreChurnMeansALowerScore() {
        double low = HealthScores.compute(List.of(kpi("Churn rate", "0.05", true, null))).score();
        double high = HealthScores.compute(List.of(kpi("Churn rate", "0.30", true, null))).score();

        assertThat(low).isEqualTo(95.0);
        assertThat(high).isEqualTo(70.0);
    }

    @Test
    void aWellKnownNameMakesAKpiLowerIsBetterWithANote() {
        HealthScore score = HealthScores.compute(List.of(kpi("Churn rate", "12", false, null)));

        assertThat(score.score()).isEqualTo(88.0);
        assertThat(score.notes()).singleElement().asString()
                .contains("'Churn rate' counted as lower is better (by its name)");
    }

    @Test
    void anExplicitHigherIsBetterOverridesTheName() {
        HealthScore score = HealthScores.compute(List.of(
                kpi("Churn rate", "0.12", true, KpiDirection.HIGHER_IS_BETTER)));

        assertThat(score.score()).isEqualTo(12.0);
        assertThat(score.notes()).isEmpty();
    }

    @Test
    void anExplicitLowerIsBetterWorksForAnyName() {
        assertThat(HealthScores.compute(List.of(kpi("Ticket reopen rate", "0.2", true,
                KpiDirection.LOWER_IS_BETTER))).score()).isEqualTo(80.0);
        assertThat(HealthScores.compute(List.of(kpi("Ticket reopen rate", "0.2", true, null))).score())
                .isEqualTo(20.0);
    }

    @Test
    void aLowerIsBetterValueOffTheScaleIsStillLeftOut() {
        HealthScore score = HealthScores.compute(List.of(kpi("Ticket backlog", "1250", false, null)));

        assertThat(score.score()).isNull();
        assertThat(score.kpisSkipped()).isEqualTo(1);
    }

    @Test
    void formulaExplainsDirectionInsteadOfAskingForInvertedInput() {
        assertThat(HealthScores.FORMULA_DESCRIPTION)
                .contains("Lower is better", "100 minus its value", "churn 10% counts as 90", "“churn”", "“backlog”")
                .doesNotContain("inverted", "%s", "%%");
    }

    private static KpiRow kpi(String name, String value, boolean percentage, @Nullable KpiDirection direction) {
        return new KpiRow("KPIs", 2, "Acme", name, new BigDecimal(value), percentage, null, null, null, null, null,
                direction);
    }

    private static KpiRow kpi(String name, String value, boolean percentage, @Nullable String weight,
                              @Nullable ImpactLevel impact, @Nullable LocalDate date) {
        return new KpiRow("KPIs", 2, "Acme", name, new BigDecimal(value), percentage, null,
                weight == null ? null : new BigDecimal(weight), impact, null, date, null);
    }
}
