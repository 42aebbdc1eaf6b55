package com.frontline.alerts;

import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Model-call figures the alert checks need, provided by the module that records the calls (llm). Defined here, so
 * that alerts depends on no module that might one day raise an alert itself.
 */
public interface UsageSignals {

    /** Workspaces with model calls at or after {@code since} (the evaluation job's one read across workspaces). */
    List<TenantId> workspacesWithCalls(OffsetDateTime since);

    /** This UTC month's spending against the workspace's monthly budget. */
    Spending spending(TenantId tenant);

    /** The calls at or after {@code since}, in all and per provider. */
    CallWindow window(TenantId tenant, OffsetDateTime since);

    /** @param budgetUsd null: the workspace has no budget */
    record Spending(@Nullable BigDecimal budgetUsd, BigDecimal spentUsd, LocalDate monthStart) {
    }

    /** Calls to one provider (its name as the workspace set it) and how many failed. */
    record ProviderCalls(String provider, long calls, long failures) {
    }

    /**
     * @param calls         calls that reached a provider (skipped hops are not calls)
     * @param p95LatencyMs  the exact 95th percentile of their latencies
     */
    record CallWindow(long calls, long failures, long p95LatencyMs, List<ProviderCalls> providers) {
    }
}
