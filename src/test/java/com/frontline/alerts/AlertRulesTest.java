package com.frontline.alerts;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The thresholds as plain arithmetic: when each alert is due, and what it says and links to. */
class AlertRulesTest {

    static final AlertSettings S = AlertSettings.DEFAULTS;
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-07T14:30:00Z");
    static final LocalDate TODAY = NOW.toLocalDate();
    static final LocalDate MONTH = LocalDate.parse("2026-12-01");

    static AlertSettings with(int costPercent, int latencyMs, int failurePercent, int minCalls) {
        return new AlertSettings(true, costPercent, true, latencyMs, true, failurePercent, 60, minCalls, true,
                new BigDecimal("2.00"), 5, true, 10, 20, 360, true, null);
    }

    static UsageSignals.Spending spending(String budget, String spent) {
        return new UsageSignals.Spending(budget == null ? null : new BigDecimal(budget), new BigDecimal(spent), MONTH);
    }

    @Test
    void costIsDueFromTheSetShareOfTheBudgetAndNotBelow() {
        assertThat(AlertRules.cost(S, spending("50.00", "49.99"), TODAY, "acme")).isEmpty();
        var due = AlertRules.cost(S, spending("50.00", "50.00"), TODAY, "acme").orElseThrow();
        assertThat(due.kind()).isEqualTo(AlertKind.COST_OVER_BUDGET);
        assertThat(due.key()).isEqualTo("budget:2026-12");
        assertThat(due.title()).isEqualTo("Spending reached 100 % of the monthly budget");
        assertThat(due.numbers()).containsEntry("Spent this month (USD)", new BigDecimal("50.00"))
                .containsEntry("Share of the budget (%)", 100).containsEntry("Alert at (% of the budget)", 100);
        assertThat(due.link()).isEqualTo("/w/acme/usage?period=custom&from=2026-12-01&to=2026-12-07");
        assertThat(due.summary()).contains("$50.00 spent in December 2026").contains("budget of $50.00");

        AlertSettings early = with(80, 10_000, 25, 20);
        assertThat(AlertRules.cost(early, spending("50.00", "39.99"), TODAY, "acme")).isEmpty();
        assertThat(AlertRules.cost(early, spending("50.00", "40.00"), TODAY, "acme")).get()
                .extracting(AlertRules.Finding::title).isEqualTo("Spending reached 80 % of the monthly budget");
    }

    @Test
    void costStaysQuietWithoutABudgetOrWithoutSpendingOrWhenTurnedOff() {
        assertThat(AlertRules.cost(S, spending(null, "999.00"), TODAY, "acme")).isEmpty();
        assertThat(AlertRules.cost(S, spending("0.00", "0.00"), TODAY, "acme")).isEmpty();
        assertThat(AlertRules.cost(S, spending("0.00", "0.01"), TODAY, "acme")).get()
                .extracting(AlertRules.Finding::title).isEqualTo("Spending passed the monthly budget of $0.00");
        AlertSettings off = new AlertSettings(false, 100, true, 10_000, true, 25, 60, 20, true,
                new BigDecimal("2"), 5, true, 10, 20, 360, true, null);
        assertThat(AlertRules.cost(off, spending("1.00", "5.00"), TODAY, "acme")).isEmpty();
    }

    @Test
    void latencyNeedsEnoughCallsAndAP95AboveTheThreshold() {
        AlertSettings s = with(100, 8_000, 25, 20);
        assertThat(AlertRules.latency(s, new UsageSignals.CallWindow(19, 0, 20_000, List.of()), NOW, "acme")).isEmpty();
        assertThat(AlertRules.latency(s, new UsageSignals.CallWindow(20, 0, 8_000, List.of()), NOW, "acme")).isEmpty();
        var due = AlertRules.latency(s, new UsageSignals.CallWindow(20, 0, 8_001, List.of()), NOW, "acme")
                .orElseThrow();
        assertThat(due.key()).isEqualTo("p95");
        assertThat(due.title()).isEqualTo("Slow answers: p95 latency 8.0 s over the last 60 minutes");
        assertThat(due.numbers()).containsEntry("p95 latency (ms)", 8_001L).containsEntry("Calls in the window", 20L);
        assertThat(due.link()).isEqualTo("/w/acme/usage?period=custom&from=2026-12-07&to=2026-12-07");
    }

    @Test
    void failureRateIsPerProviderWithEnoughCalls() {
        AlertSettings s = with(100, 10_000, 25, 20);
        var window = new UsageSignals.CallWindow(100, 30, 900, List.of(
                new UsageSignals.ProviderCalls("OpenAI (Main)", 40, 10),    // 25 %: due
                new UsageSignals.ProviderCalls("Backup", 40, 9),            // 22.5 %: not
                new UsageSignals.ProviderCalls("Tiny", 10, 10)));           // too few calls
        List<AlertRules.Finding> due = AlertRules.failures(s, window, NOW, "acme");
        assertThat(due).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("provider:OpenAI (Main)");
            assertThat(f.title()).isEqualTo("OpenAI (Main) fails 25 % of calls");
            assertThat(f.numbers()).containsEntry("Failed calls", 10L).containsEntry("Calls", 40L)
                    .containsEntry("Failure rate (%)", new BigDecimal("25.0"));
            assertThat(f.link()).endsWith("&provider=OpenAI%20%28Main%29");
        });
    }

    @Test
    void aHandoffSpikeNeedsTheMinimumAndTheMultipleOfTheWeeksMean() {
        // mean of the week before: 21 / 7 = 3 a day; factor 2 → 6
        assertThat(AlertRules.handoffs(S, 5, 21, NOW, "acme")).isEmpty();
        assertThat(AlertRules.handoffs(S, 6, 21, NOW, "acme")).get().satisfies(f -> {
            assertThat(f.title()).isEqualTo("Handoff spike: 6 conversations handed to the team in 24 hours");
            assertThat(f.numbers()).containsEntry("Ratio (×)", new BigDecimal("2.0"));
            assertThat(f.summary()).contains("2.0× the daily mean of the 7 days before (3.0)");
        });
        // after a quiet week any count from the minimum on is a spike; below it never
        assertThat(AlertRules.handoffs(S, 4, 0, NOW, "acme")).isEmpty();
        assertThat(AlertRules.handoffs(S, 5, 0, NOW, "acme")).get().extracting(AlertRules.Finding::summary)
                .asString().contains("after none in the 7 days before");
    }

    @Test
    void aQualityDropNeedsEnoughRatingsInBothPeriodsAndTheSetDrop() {
        var before = new ConversationSignals.Answers(400, 200, 150, 3);      // 75 %
        assertThat(AlertRules.quality(S, new ConversationSignals.Answers(100, 19, 5, 0), before, TODAY, "acme"))
                .as("too few recent ratings").isEmpty();
        assertThat(AlertRules.quality(S, new ConversationSignals.Answers(100, 40, 27, 0), before, TODAY, "acme"))
                .as("67.5 %: a drop of 7.5 points").isEmpty();
        var due = AlertRules.quality(S, new ConversationSignals.Answers(100, 40, 26, 0), before, TODAY, "acme")
                .orElseThrow();                                                 // 65 %: 10 points
        assertThat(due.kind()).isEqualTo(AlertKind.QUALITY_DROP);
        assertThat(due.numbers()).containsEntry("Drop (points)", new BigDecimal("10.0"))
                .containsEntry("Helpful rate, last 7 days (%)", new BigDecimal("65.0"));
        assertThat(due.link()).isEqualTo("/w/acme/feedback?period=custom&from=2026-12-01&to=2026-12-07&rating=down");
    }
}
