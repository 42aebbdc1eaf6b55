package com.frontline.accounts.importing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class KpiDirectionTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"Direction", "direction", "KPI direction", "Better when", "better_when", "Higher is better",
            "Lower is better?", "Higher/Lower is better", "Polarity", "Direction (optional)"})
    void headersAreRecognisedAsDirection(String header) {
        assertThat(HeaderMatcher.field(header)).isEqualTo(StandardField.DIRECTION);
    }

    @Test
    void onlyFrontlinesOwnSpellingCountsAsExact() {
        assertThat(HeaderMatcher.isCanonical("Direction")).isTrue();
        assertThat(HeaderMatcher.isCanonical("Better when")).isFalse();
        // a column of actual movement is not a direction: "Trend ↑" says what happened, not what is good
        assertThat(HeaderMatcher.field("Trend")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Lower is better", "lower is better", " LOWER  IS  BETTER ", "lower-is-better", "Lower",
            "low", "Down", "↓", " ↓ ", "less is better", "Minimize", "↓ lower is better"})
    void lowerIsBetterValues(String value) {
        assertThat(KpiDirection.parse(value, "direction")).isEqualTo(KpiDirection.LOWER_IS_BETTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Higher is better", "higher", "HIGH", "up", "↑", "more is better", "maximise"})
    void higherIsBetterValues(String value) {
        assertThat(KpiDirection.parse(value, "direction")).isEqualTo(KpiDirection.HIGHER_IS_BETTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sideways", "better", "?", "yes", "-", "n/a"})
    void otherValuesAreUnknown(String value) {
        assertThat(KpiDirection.parse(value, "direction")).isNull();
    }

    @Test
    void yesAndNoAnswerAHeaderThatIsAStatement() {
        assertThat(KpiDirection.parse("Yes", "higher is better")).isEqualTo(KpiDirection.HIGHER_IS_BETTER);
        assertThat(KpiDirection.parse("no", "higher is better")).isEqualTo(KpiDirection.LOWER_IS_BETTER);
        assertThat(KpiDirection.parse("TRUE", "lower is better")).isEqualTo(KpiDirection.LOWER_IS_BETTER);
        assertThat(KpiDirection.parse("0", "lower is better")).isEqualTo(KpiDirection.HIGHER_IS_BETTER);
        assertThat(KpiDirection.parse("yes", "better when")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Churn", "Churn rate", "Monthly churn %", "CHURN_RATE", "Gross revenue churn",
            "Cost per ticket", "First response time (hours)", "Avg. resolution time", "Ticket backlog", "Escalations",
            "Escalation rate", "Refunds", "Refund rate"})
    void wellKnownNamesAreLowerIsBetter(String name) {
        assertThat(KpiDirection.byName(name)).isEqualTo(KpiDirection.LOWER_IS_BETTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Active users", "NPS", "Retention", "Churned accounts won back", "Refundable revenue",
            "Backlogged", "Response time SLA met", "Time to first value", "Resolution rate", "CSAT"})
    void otherNamesAreHigherIsBetter(String name) {
        assertThat(KpiDirection.byName(name)).isEqualTo(KpiDirection.HIGHER_IS_BETTER);
    }

    @Test
    void aStatedDirectionWinsOverTheName() {
        assertThat(KpiDirection.resolve(KpiDirection.HIGHER_IS_BETTER, "Churn rate"))
                .isEqualTo(KpiDirection.HIGHER_IS_BETTER);
        assertThat(KpiDirection.resolve(null, "Churn rate")).isEqualTo(KpiDirection.LOWER_IS_BETTER);
        assertThat(KpiDirection.resolve(KpiDirection.LOWER_IS_BETTER, "NPS")).isEqualTo(KpiDirection.LOWER_IS_BETTER);
    }

    @Test
    void aDirectionColumnIsReadIntoTheRows() throws Exception {
        ValidationReport report = validate("kpis.csv", """
                account_name,kpi_name,value,Better when
                Acme,Churn rate,12%,Lower
                Acme,NPS,45,↑
                Acme,Backlog,30%,higher
                Acme,Tickets solved,80%,
                """);

        assertThat(report.problems()).isEmpty();
        assertThat(report.accepted()).extracting(KpiRow::kpiName, KpiRow::direction).containsExactly(
                tuple("Churn rate", KpiDirection.LOWER_IS_BETTER),
                tuple("NPS", KpiDirection.HIGHER_IS_BETTER),
                tuple("Backlog", KpiDirection.HIGHER_IS_BETTER),
                tuple("Tickets solved", null));
        assertThat(report.notes()).noneMatch(note -> note.contains("Columns not imported"));
    }

    @Test
    void aHigherIsBetterYesNoColumnIsRead() throws Exception {
        byte[] xlsx = KpiFixtures.workbook(KpiFixtures.sheets("KPIs", List.of(
                List.of("Account", "Acme"), List.of(),
                List.of("KPI Name", "Value", "Category", "Higher is better?"),
                List.of("Churn", new KpiFixtures.Pct(0.08), "Financial", "No"),
                List.of("NPS", 45, "Sentiment", "yes"))));
        ValidationReport report = validate("kpis.xlsx", xlsx);

        assertThat(report.problems()).isEmpty();
        assertThat(report.accepted()).extracting(KpiRow::direction)
                .containsExactly(KpiDirection.LOWER_IS_BETTER, KpiDirection.HIGHER_IS_BETTER);
    }

    @Test
    void filesWithoutTheColumnStayValidAndLeaveItToTheName() throws Exception {
        ValidationReport report = validate("kpis.csv", """
                kpi_name,value,category,account_name
                Churn rate,12%,Financial,Acme
                NPS,45,Sentiment,Acme
                """);

        assertThat(report.problems()).isEmpty();
        assertThat(report.accepted()).hasSize(2).allSatisfy(row -> assertThat(row.direction()).isNull());
        assertThat(HealthScores.compute(report.accepted()).score()).isEqualTo(66.5); // (88 + 45) / 2
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
