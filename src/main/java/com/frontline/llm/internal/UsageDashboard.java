package com.frontline.llm.internal;

import com.frontline.audit.AuditLog;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The usage dashboard: calls, outcomes, tokens, cost and latency per provider, model and day over a period, with this
 * month's spending against the budget. Final days are read from the daily summaries, the rest (normally today and
 * yesterday) is counted live from the raw records, so the figures are exact and current whether or not the summary
 * job has just run.
 */
@Service
public class UsageDashboard {

    private final UsageSummaryRepository summaries;
    private final SettingsRepository settings;
    private final BudgetGuard budgetGuard;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    UsageDashboard(UsageSummaryRepository summaries, SettingsRepository settings, BudgetGuard budgetGuard,
                   AuditLog audit) {
        this.summaries = summaries;
        this.settings = settings;
        this.budgetGuard = budgetGuard;
        this.audit = audit;
    }

    /** The days of a period as groups and conversation counts, from summaries and raw records. */
    record Period(List<UsageDayGroup> groups, List<UsageSummaryRepository.DayConversations> conversations,
                  UsageSummaryRepository.@Nullable State state) {
    }

    @Transactional(readOnly = true)
    public UsageReport report(TenantId tenant, UsageQuery query) {
        Period period = read(tenant, query.from(), query.to());
        List<UsageDayGroup> chosen = period.groups().stream()
                .filter(g -> query.matches(g.provider(), g.model()))
                .toList();

        Map<String, List<UsageDayGroup>> byLine = new LinkedHashMap<>();
        Map<LocalDate, List<UsageDayGroup>> byDay = new LinkedHashMap<>();
        for (UsageDayGroup g : chosen) {
            byLine.computeIfAbsent(g.provider() + "\u0000" + g.model(), k -> new ArrayList<>()).add(g);
            byDay.computeIfAbsent(g.day(), k -> new ArrayList<>()).add(g);
        }
        List<UsageReport.Line> lines = new ArrayList<>();
        byLine.forEach((key, groups) -> lines.add(new UsageReport.Line(groups.getFirst().provider(),
                groups.getFirst().model(), UsageTotals.of(groups))));
        lines.sort(Comparator.comparing((UsageReport.Line l) -> l.totals().costUsd()).reversed()
                .thenComparing(l -> -l.totals().calls())
                .thenComparing(UsageReport.Line::provider)
                .thenComparing(UsageReport.Line::model));
        List<UsageReport.Day> days = new ArrayList<>();
        for (LocalDate d = query.from(); !d.isAfter(query.to()); d = d.plusDays(1)) {
            days.add(new UsageReport.Day(d, UsageTotals.of(byDay.getOrDefault(d, List.of()))));
        }

        long conversations = conversations(period.conversations(), query);
        BigDecimal conversationalCost = chosen.stream().filter(UsageDayGroup::conversational)
                .map(UsageDayGroup::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal perConversation = conversations == 0 ? null
                : conversationalCost.divide(BigDecimal.valueOf(conversations), 6, RoundingMode.HALF_UP);

        TreeSet<String> providers = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        TreeSet<String> models = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (UsageDayGroup g : period.groups()) {
            providers.add(g.provider());
            if (query.provider() == null || query.provider().equals(g.provider())) {
                models.add(g.model());
            }
        }
        var state = period.state();
        return new UsageReport(query, UsageTotals.of(chosen), lines, days, conversations, perConversation,
                budget(tenant, perConversation), List.copyOf(providers), List.copyOf(models),
                new UsageReport.Freshness(state == null ? null : state.completeThrough(),
                        state == null ? null : state.summarisedAt(), summaries.retentionDays(tenant)));
    }

    /** This month's spending so far (UTC), from the summaries of final days and the raw records of the rest. */
    @Transactional(readOnly = true)
    public BigDecimal monthToDate(TenantId tenant) {
        LocalDate monthStart = budgetGuard.monthStart().toLocalDate();
        LocalDate today = LocalDate.now(clock);
        var state = summaries.state(tenant);
        BigDecimal cost = BigDecimal.ZERO;
        LocalDate rawFrom = monthStart;
        if (state != null && !state.completeThrough().isBefore(monthStart)) {
            LocalDate last = state.completeThrough().isBefore(today) ? state.completeThrough() : today;
            cost = cost.add(summaries.summaryCost(tenant, monthStart, last));
            rawFrom = last.plusDays(1);
        }
        return cost.add(summaries.rawCost(tenant, UsageSummaryRepository.start(rawFrom),
                UsageSummaryRepository.start(today.plusDays(1))));
    }

    /** The workspace's monthly budget (null: none). */
    @Transactional(readOnly = true)
    public @Nullable BigDecimal monthlyBudget(TenantId tenant) {
        return settings.find(tenant).monthlyBudgetUsd();
    }

    @Transactional(readOnly = true)
    public int retentionDays(TenantId tenant) {
        return summaries.retentionDays(tenant);
    }

    /** Sets how long raw usage records are kept (35 to 3,650 days); audited. */
    @Transactional
    public int saveRetention(CurrentTenant tenant, @Nullable String raw) {
        String value = raw == null ? "" : raw.strip().replace(",", "");
        int days;
        try {
            days = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("retentionDays", "Enter a whole number of days, e.g. 90.");
        }
        if (days < UsageProperties.MIN_RETENTION_DAYS || days > UsageProperties.MAX_RETENTION_DAYS) {
            throw InvalidInputException.of("retentionDays", "Keep raw call records from %d to %,d days: this month's "
                    .formatted(UsageProperties.MIN_RETENTION_DAYS, UsageProperties.MAX_RETENTION_DAYS)
                    + "budget is counted from them.");
        }
        int before = summaries.retentionDays(tenant.id());
        summaries.saveRetentionDays(tenant.id(), days);
        audit.record(tenant.id(), tenant.actor(), "llm.usage_retention_updated", null,
                Map.of("retentionDays", before), Map.of("retentionDays", days));
        return days;
    }

    /** The period's groups: summaries for the days that are final, the raw aggregate for the others. */
    Period read(TenantId tenant, LocalDate from, LocalDate to) {
        var state = summaries.state(tenant);
        LocalDate finalThrough = state == null ? from.minusDays(1) : state.completeThrough();
        List<UsageDayGroup> groups = new ArrayList<>();
        List<UsageSummaryRepository.DayConversations> conversations = new ArrayList<>();
        if (!finalThrough.isBefore(from)) {
            LocalDate last = finalThrough.isBefore(to) ? finalThrough : to;
            groups.addAll(summaries.summaries(tenant, from, last));
            conversations.addAll(summaries.summaryConversations(tenant, from, last));
        }
        if (finalThrough.isBefore(to)) {
            LocalDate first = finalThrough.isBefore(from) ? from : finalThrough.plusDays(1);
            groups.addAll(summaries.aggregate(tenant, first, to));
            conversations.addAll(summaries.aggregateConversations(tenant, first, to));
        }
        return new Period(groups, conversations, state);
    }

    private static long conversations(List<UsageSummaryRepository.DayConversations> rows, UsageQuery query) {
        long n = 0;
        for (UsageSummaryRepository.DayConversations c : rows) {
            boolean match;
            if (query.provider() == null && query.model() == null) {
                match = c.provider().isEmpty() && c.model().isEmpty();
            } else if (query.model() == null) {
                match = query.provider().equals(c.provider()) && c.model().isEmpty();
            } else {
                match = !c.model().isEmpty() && query.model().equals(c.model())
                        && (query.provider() == null || query.provider().equals(c.provider()));
            }
            if (match) {
                n += c.conversations();
            }
        }
        return n;
    }

    private UsageReport.Budget budget(TenantId tenant, @Nullable BigDecimal perConversation) {
        BigDecimal budget = settings.find(tenant).monthlyBudgetUsd();
        OffsetDateTime monthStart = budgetGuard.monthStart();
        BigDecimal spent = monthToDate(tenant);
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        OffsetDateTime monthEnd = monthStart.plusMonths(1);
        double elapsed = (double) Duration.between(monthStart, now).toSeconds()
                / Duration.between(monthStart, monthEnd).toSeconds();
        // before the first hour the pace says nothing yet
        BigDecimal projected = elapsed < 1.0 / 24 / 30 ? spent
                : spent.divide(BigDecimal.valueOf(Math.min(1, elapsed)), 2, RoundingMode.HALF_UP);
        Long covered = budget == null || perConversation == null || perConversation.signum() == 0 ? null
                : budget.divide(perConversation, 0, RoundingMode.DOWN).longValue();
        return new UsageReport.Budget(budget, spent, projected, monthStart.toLocalDate(), covered);
    }
}
