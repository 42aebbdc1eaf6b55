package com.frontline.llm.internal;

import com.frontline.alerts.UsageSignals;
import com.frontline.shared.TenantId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The model-call figures the alert thresholds are checked against: spending, latency and failures. */
@Component
class UsageAlertSignals implements UsageSignals {

    private final UsageSummaryRepository summaries;
    private final UsageDashboard dashboard;
    private final BudgetGuard budget;

    UsageAlertSignals(UsageSummaryRepository summaries, UsageDashboard dashboard, BudgetGuard budget) {
        this.summaries = summaries;
        this.dashboard = dashboard;
        this.budget = budget;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TenantId> workspacesWithCalls(OffsetDateTime since) {
        return summaries.workspacesWithRecords().stream()
                .filter(t -> summaries.hasRecordsSince(t, since))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Spending spending(TenantId tenant) {
        return new Spending(dashboard.monthlyBudget(tenant), dashboard.monthToDate(tenant),
                budget.monthStart().toLocalDate());
    }

    @Override
    @Transactional(readOnly = true)
    public CallWindow window(TenantId tenant, OffsetDateTime since) {
        long calls = 0;
        long failures = 0;
        long p95 = 0;
        List<ProviderCalls> providers = new ArrayList<>();
        for (UsageSummaryRepository.WindowLine line : summaries.window(tenant, since)) {
            if (line.provider().isEmpty()) {
                calls = line.calls();
                failures = line.failures();
                p95 = line.p95LatencyMs();
            } else {
                providers.add(new ProviderCalls(line.provider(), line.calls(), line.failures()));
            }
        }
        return new CallWindow(calls, failures, p95, List.copyOf(providers));
    }
}
