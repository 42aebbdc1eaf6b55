package com.frontline.llm.internal;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The usage dashboard's figures for a period.
 *
 * @param lines               per provider and model, the most expensive first
 * @param days                every day of the period, oldest first (days without calls too)
 * @param conversations       distinct conversations with answer calls (a conversation on two days counts on both)
 * @param costPerConversation the answer and rewrite calls' cost divided by those conversations; null without any
 * @param providers           the providers with calls in the period (for the filter)
 * @param models              their models (of the chosen provider, when one is chosen)
 */
public record UsageReport(UsageQuery query, UsageTotals total, List<Line> lines, List<Day> days, long conversations,
                          @Nullable BigDecimal costPerConversation, Budget budget, List<String> providers,
                          List<String> models, Freshness freshness) {

    public record Line(String provider, String model, UsageTotals totals) {
    }

    public record Day(LocalDate day, UsageTotals totals) {
    }

    /**
     * This (UTC) month against the workspace's monthly budget.
     *
     * @param budgetUsd            null: no budget
     * @param projectedUsd         this month's spending if it goes on at the pace so far
     * @param conversationsCovered how many conversations the budget pays for at the period's cost per conversation
     */
    public record Budget(@Nullable BigDecimal budgetUsd, BigDecimal spentUsd, BigDecimal projectedUsd,
                         LocalDate monthStart, @Nullable Long conversationsCovered) {

        public boolean hasBudget() {
            return budgetUsd != null;
        }

        public int percentUsed() {
            if (budgetUsd == null) {
                return 0;
            }
            if (budgetUsd.signum() == 0) {
                return spentUsd.signum() > 0 ? 100 : 0;
            }
            return spentUsd.multiply(BigDecimal.valueOf(100))
                    .divide(budgetUsd, 0, java.math.RoundingMode.HALF_UP).intValue();
        }

        public boolean over() {
            return budgetUsd != null && spentUsd.compareTo(budgetUsd) >= 0 && spentUsd.signum() > 0;
        }

        public boolean projectedOver() {
            return budgetUsd != null && projectedUsd.compareTo(budgetUsd) > 0;
        }
    }

    /**
     * How current the figures are: days up to {@code completeThrough} come from the daily summaries, later ones are
     * counted live from the raw records.
     *
     * @param summarisedAt when the summary job last ran for the workspace (null: not yet)
     * @param retentionDays how long raw records are kept
     */
    public record Freshness(@Nullable LocalDate completeThrough, @Nullable OffsetDateTime summarisedAt,
                            int retentionDays) {
    }
}
