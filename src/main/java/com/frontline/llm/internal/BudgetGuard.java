package com.frontline.llm.internal;

import com.frontline.shared.TenantId;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reads this (UTC) month's spending; asked again before every hop, so a request that fails over sees it grow. */
@Component
public class BudgetGuard {

    private final SettingsRepository settings;
    private final UsageRepository usage;
    private final LlmProperties properties;
    private final Clock clock;

    BudgetGuard(SettingsRepository settings, UsageRepository usage, LlmProperties properties) {
        this.settings = settings;
        this.usage = usage;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    public BudgetStatus check(TenantId tenant) {
        return check(tenant, settings.find(tenant));
    }

    BudgetStatus check(TenantId tenant, LlmSettings s) {
        BigDecimal spent = usage.costSince(tenant, monthStart());
        BigDecimal budget = s.monthlyBudgetUsd();
        BigDecimal hard = budget == null ? BigDecimal.ZERO
                : budget.multiply(BigDecimal.valueOf(1 + properties.budgetGrace()));
        return new BudgetStatus(budget, spent, hard);
    }

    public OffsetDateTime monthStart() {
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        return now.withDayOfMonth(1).toLocalDate().atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
