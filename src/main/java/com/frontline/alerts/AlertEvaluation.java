package com.frontline.alerts;

import com.frontline.shared.TenantId;
import com.frontline.tenants.TenantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a workspace's thresholds ({@link AlertRules}) against the figures of the modules that provide them and
 * raises what is due through {@link Alerts#raise}, so repeats are throttled like any other alert. The recurring job
 * ({@link AlertJobs}) runs it for every workspace with recent calls or answers; an admin can run it for their own
 * workspace at once. The helpful-rate check looks at 35 days of ratings and runs once a day per workspace.
 */
@Service
public class AlertEvaluation {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluation.class);
    static final String DAILY_QUALITY_CHECK = "helpful-rate";
    private static final Duration DAILY = Duration.ofHours(20);

    private final Alerts alerts;
    private final AlertSettingsRepository settings;
    private final AlertRepository repository;
    private final TenantService tenants;
    private final ObjectProvider<UsageSignals> usage;
    private final ObjectProvider<ConversationSignals> conversations;

    AlertEvaluation(Alerts alerts, AlertSettingsRepository settings, AlertRepository repository, TenantService tenants,
                    ObjectProvider<UsageSignals> usage, ObjectProvider<ConversationSignals> conversations) {
        this.alerts = alerts;
        this.settings = settings;
        this.repository = repository;
        this.tenants = tenants;
        this.usage = usage;
        this.conversations = conversations;
    }

    /** What a check did: new alerts (their titles) and repeats counted on earlier ones. */
    public record Result(List<String> raised, List<String> repeated) {
    }

    /** Every workspace with calls this month or answers in the last 8 days, one after the other. */
    public int evaluateAll(OffsetDateTime now) {
        Set<TenantId> due = new LinkedHashSet<>();
        UsageSignals u = usage.getIfAvailable();
        if (u != null) {
            OffsetDateTime monthStart = now.atZoneSameInstant(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1)
                    .atStartOfDay().atOffset(ZoneOffset.UTC);
            OffsetDateTime dayAgo = now.minusDays(1);
            due.addAll(u.workspacesWithCalls(monthStart.isBefore(dayAgo) ? monthStart : dayAgo));
        }
        ConversationSignals c = conversations.getIfAvailable();
        if (c != null) {
            due.addAll(c.workspacesWithAnswers(now.minusDays(8)));
        }
        int checked = 0;
        for (TenantId tenant : due) {
            try {
                evaluate(tenant, now, false);
                checked++;
            } catch (RuntimeException e) {
                // one workspace's problem must not hold up the others; it is checked again next run
                log.warn("Workspace {}: could not check the alert thresholds: {}", tenant, e.toString());
            }
        }
        return checked;
    }

    /**
     * Checks one workspace now.
     *
     * @param forceDaily run the daily helpful-rate check even if it ran within the day
     */
    public Result evaluate(TenantId tenant, OffsetDateTime now, boolean forceDaily) {
        AlertSettings s = settings.find(tenant);
        String slug = tenants.workspace(tenant).slug();
        LocalDate today = now.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        List<AlertRules.Finding> findings = new ArrayList<>();
        UsageSignals u = usage.getIfAvailable();
        if (u != null) {
            if (s.costEnabled()) {
                AlertRules.cost(s, u.spending(tenant), today, slug).ifPresent(findings::add);
            }
            if (s.latencyEnabled() || s.failureEnabled()) {
                UsageSignals.CallWindow window = u.window(tenant, now.minusMinutes(s.windowMinutes()));
                AlertRules.latency(s, window, now, slug).ifPresent(findings::add);
                findings.addAll(AlertRules.failures(s, window, now, slug));
            }
        }
        ConversationSignals c = conversations.getIfAvailable();
        if (c != null) {
            if (s.handoffEnabled()) {
                long lastDay = c.answers(tenant, now.minusDays(1), now).handoffs();
                long before = c.answers(tenant, now.minusDays(8), now.minusDays(1)).handoffs();
                AlertRules.handoffs(s, lastDay, before, now, slug).ifPresent(findings::add);
            }
            OffsetDateTime lastQualityCheck = repository.lastCheck(tenant, DAILY_QUALITY_CHECK);
            if (s.qualityEnabled() && (forceDaily || lastQualityCheck == null
                    || lastQualityCheck.isBefore(now.minus(DAILY)))) {
                OffsetDateTime weekStart = today.minusDays(6).atStartOfDay().atOffset(ZoneOffset.UTC);
                var recent = c.answers(tenant, weekStart, now);
                var earlier = c.answers(tenant, weekStart.minusDays(28), weekStart);
                AlertRules.quality(s, recent, earlier, today, slug).ifPresent(findings::add);
                repository.saveCheck(tenant, DAILY_QUALITY_CHECK, now);
            }
        }
        List<String> raised = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (AlertRules.Finding f : findings) {
            RaiseResult r = alerts.raise(tenant, f.kind(), f.key(), f.title(), f.summary(), f.numbers(), f.link());
            (r.raised() ? raised : repeated).add(f.title());
        }
        if (!raised.isEmpty()) {
            log.info("Workspace {}: raised {} alert(s): {}", slug, raised.size(), raised);
        }
        return new Result(raised, repeated);
    }
}
