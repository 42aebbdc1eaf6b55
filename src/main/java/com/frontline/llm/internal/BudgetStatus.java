package com.frontline.llm.internal;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * This month's spending against the workspace's budget. Over the budget, only the cheapest model answers; past the
 * grace margin, only the offline answerer.
 */
public record BudgetStatus(@Nullable BigDecimal budgetUsd, BigDecimal spentUsd, BigDecimal hardLimitUsd) {

    public boolean hasBudget() {
        return budgetUsd != null;
    }

    public boolean over() {
        return budgetUsd != null && spentUsd.compareTo(budgetUsd) >= 0;
    }

    public boolean exhausted() {
        return budgetUsd != null && spentUsd.compareTo(hardLimitUsd) >= 0;
    }

    public int percentUsed() {
        if (budgetUsd == null || budgetUsd.signum() == 0) {
            return budgetUsd == null ? 0 : 100;
        }
        return spentUsd.multiply(BigDecimal.valueOf(100)).divide(budgetUsd, 0, RoundingMode.HALF_UP).intValue();
    }
}
