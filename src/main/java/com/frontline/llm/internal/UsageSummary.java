package com.frontline.llm.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** This month's usage for the Providers page. */
public record UsageSummary(OffsetDateTime since, List<UsageLine> lines, UsageLine total, BudgetStatus budget,
                           List<UsageRecord> recent, Set<String> unpricedModels) {
}
