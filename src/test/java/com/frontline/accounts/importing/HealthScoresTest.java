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

    private static KpiRow kpi(String name, String value, boolean percentage, @Nullable String weight,
                              @Nullable ImpactLevel impact, @Nullable LocalDate date) {
        return new KpiRow("KPIs", 2, "Acme", name, new BigDecimal(value), percentage, null,
                weight == null ? null : new BigDecimal(weight), impact, null, date);
    }
}
