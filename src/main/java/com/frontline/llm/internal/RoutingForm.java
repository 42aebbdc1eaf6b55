package com.frontline.llm.internal;

import org.jspecify.annotations.Nullable;

/** Routing rules and the monthly budget as typed on the page. */
public record RoutingForm(boolean routingEnabled, @Nullable String simpleMaxScore, @Nullable String complexMinScore,
                          @Nullable String longContextChars, @Nullable String monthlyBudget) {

    public static RoutingForm of(LlmSettings s) {
        return new RoutingForm(s.routingEnabled(), String.valueOf(s.simpleMaxScore()),
                String.valueOf(s.complexMinScore()), String.valueOf(s.longContextChars()),
                s.monthlyBudgetUsd() == null ? "" : s.monthlyBudgetUsd().toPlainString());
    }
}
