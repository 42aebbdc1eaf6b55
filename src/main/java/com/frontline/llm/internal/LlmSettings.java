package com.frontline.llm.internal;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/**
 * A workspace's routing rules and budget.
 *
 * @param simpleMaxScore   a complexity score at or below this goes to the cheap model
 * @param complexMinScore  a score at or above this goes to the strongest model
 * @param longContextChars history plus sources plus question this long goes to the long-context model
 * @param monthlyBudgetUsd null: no budget
 */
public record LlmSettings(boolean routingEnabled, int simpleMaxScore, int complexMinScore, int longContextChars,
                          @Nullable BigDecimal monthlyBudgetUsd) {

    public static final LlmSettings DEFAULTS = new LlmSettings(true, 30, 65, 12_000, null);
}
