package com.frontline.llm.internal;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The usage summaries' parts wired by hand, without the app: for benchmarks that start only PostgreSQL. The audit
 * log is left out (the dashboard's reads never write to it).
 */
public final class UsageBench {

    private final UsageSummaryRepository summaries;
    private final UsageSummaryJob job;
    private final UsageDashboard dashboard;

    public UsageBench(DSLContext dsl, TransactionTemplate tx) {
        this.summaries = new UsageSummaryRepository(dsl);
        SettingsRepository settings = new SettingsRepository(dsl);
        LlmProperties llm = new LlmProperties(null, new LlmProperties.CircuitBreaker(10, 4, 50, Duration.ofSeconds(60)),
                0.1, 10, Duration.ofSeconds(15), Duration.ofSeconds(10));
        BudgetGuard budget = new BudgetGuard(settings, new UsageRepository(dsl), llm);
        this.job = new UsageSummaryJob(summaries, tx, new UsageProperties(Duration.ofMinutes(5), 2,
                Duration.ofMinutes(15), 31, 20_000), new com.frontline.llm.VersionUsage(dsl));
        this.dashboard = new UsageDashboard(summaries, settings, budget, null);
    }

    public UsageDashboard dashboard() {
        return dashboard;
    }

    /** One run of the summary job over every workspace; returns how many workspaces it summarised. */
    public int summarise(OffsetDateTime now) {
        return job.run(now).workspaces();
    }

    /** The last final day of the workspace's summaries, or null. */
    public LocalDate completeThrough(TenantId tenant) {
        var state = summaries.state(tenant);
        return state == null ? null : state.completeThrough();
    }

    /** The parts of the dashboard's reads, for a breakdown. */
    public int summariesOnly(TenantId tenant, LocalDate from, LocalDate to) {
        return summaries.summaries(tenant, from, to).size();
    }

    public int todayRaw(TenantId tenant, LocalDate today) {
        return summaries.aggregate(tenant, today, today).size();
    }

    public int monthToDate(TenantId tenant) {
        return dashboard.monthToDate(tenant).intValue();
    }

    /**
     * What the dashboard would have to read for the period without summaries: the raw aggregate of every day (with
     * the latency buckets) and the conversations per day.
     *
     * @return rows read
     */
    public int rawPeriod(TenantId tenant, LocalDate from, LocalDate to) {
        return summaries.aggregate(tenant, from, to).size() + summaries.aggregateConversations(tenant, from, to).size();
    }
}
