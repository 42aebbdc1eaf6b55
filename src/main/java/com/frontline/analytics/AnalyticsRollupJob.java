package com.frontline.analytics;

import com.frontline.chat.ConversationFigures;
import com.frontline.shared.TenantId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Keeps the analytics daily roll-up ({@code analytics.conversation_days}, {@code analytics.question_days}): a
 * db-scheduler recurring task ({@code frontline.analytics.rollup.every}), so one app node runs it at a time and it
 * survives restarts. Each run
 * <ol>
 *   <li>rolls each workspace up through the last UTC day that ended at least {@code settle} ago, from where it
 *       stopped (or from its first conversation: the backfill), {@code chunkDays} days per transaction, under a
 *       per-workspace advisory lock;</li>
 *   <li>rolls up again the past days whose conversations changed since (a late message, a handoff, a rating), which
 *       triggers on the chat tables mark (deleting transcripts never marks a day: the roll-up keeps history).</li>
 * </ol>
 * Rolling a day up replaces it whole, so a run that stops half-way, or runs twice, leaves the same figures. The same
 * shape as the feedback review roll-up ({@code chat.FeedbackRollupJob}).
 */
@Configuration(proxyBeanMethods = false)
public class AnalyticsRollupJob {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsRollupJob.class);

    private final AnalyticsRollupRepository rollups;
    private final ConversationFigures figures;
    private final TransactionTemplate tx;
    private final AnalyticsProperties properties;

    AnalyticsRollupJob(AnalyticsRollupRepository rollups, ConversationFigures figures, TransactionTemplate tx,
                       AnalyticsProperties properties) {
        this.rollups = rollups;
        this.figures = figures;
        this.tx = tx;
        this.properties = properties;
    }

    @Bean
    RecurringTask<Void> analyticsRollupTask() {
        return Tasks.recurring("analytics-rollup", FixedDelay.of(properties.every()))
                .execute((instance, context) -> {
                    Run run = run();
                    if (run.days() > 0 || run.staleDays() > 0) {
                        log.debug("Analytics roll-up: {} days rolled up, {} changed days again", run.days(),
                                run.staleDays());
                    }
                });
    }

    /** What one run did: days rolled up for the first time, and changed days rolled up again. */
    public record Run(int days, int staleDays) {
    }

    /** One run at the database's current time. */
    public Run run() {
        OffsetDateTime now = rollups.databaseNow();
        LocalDate through = now.minus(properties.settle()).atZoneSameInstant(ZoneOffset.UTC).toLocalDate()
                .minusDays(1);
        int days = 0;
        List<TenantId> tenants = figures.workspacesWithConversations();
        Map<TenantId, LocalDate> reached = tenants.isEmpty() ? Map.of() : rollups.completeThrough(tenants);
        for (TenantId tenant : tenants) {
            LocalDate mark = reached.get(tenant);
            if (mark != null && !mark.isBefore(through)) {
                continue;
            }
            try {
                days += catchUp(tenant, mark, through);
            } catch (RuntimeException e) {
                // one workspace must not hold up the rest; it is still behind and is tried again next run
                log.warn("Workspace {}: could not roll up the analytics figures: {}", tenant, e.toString());
            }
        }
        List<AnalyticsRollupRepository.StaleDay> stale = rollups.staleDue(Math.max(1, properties.staleDays()));
        int again = 0;
        int i = 0;
        while (i < stale.size()) {
            // consecutive changed days of one workspace are rolled up together
            AnalyticsRollupRepository.StaleDay first = stale.get(i);
            LocalDate last = first.day();
            int j = i + 1;
            while (j < stale.size() && stale.get(j).tenant().equals(first.tenant())
                    && stale.get(j).day().equals(last.plusDays(1)) && j - i < chunkDays()) {
                last = stale.get(j).day();
                j++;
            }
            LocalDate to = last;
            try {
                Boolean done = tx.execute(s -> {
                    rollups.lock(first.tenant());
                    if (rollups.staleDays(first.tenant(), first.day(), to).isEmpty()) {
                        return false; // rolled up again since they were listed (another run)
                    }
                    rollups.recompute(first.tenant(), first.day(), to);
                    return true;
                });
                again += Boolean.TRUE.equals(done) ? j - i : 0;
            } catch (RuntimeException e) {
                log.warn("Workspace {}: could not roll up the changed analytics days {} to {} again: {}",
                        first.tenant(), first.day(), to, e.toString());
            }
            i = j;
        }
        return new Run(days, again);
    }

    /** Rolls one workspace up through {@code through}; returns the days rolled up. */
    private int catchUp(TenantId tenant, @org.jspecify.annotations.Nullable LocalDate mark, LocalDate through) {
        LocalDate from = mark != null ? mark.plusDays(1)
                : figures.firstConversationDay(tenant).orElse(through.plusDays(1));
        if (from.isAfter(through)) {
            // nothing before today: only the mark moves
            tx.executeWithoutResult(s -> rollups.completeThrough(tenant, through));
            return 0;
        }
        int days = 0;
        for (LocalDate start = from; !start.isAfter(through); start = start.plusDays(chunkDays())) {
            LocalDate chunkStart = start;
            LocalDate end = start.plusDays(chunkDays() - 1L);
            LocalDate chunkEnd = end.isAfter(through) ? through : end;
            Boolean done = tx.execute(s -> {
                rollups.lock(tenant);
                LocalDate now = rollups.completeThrough(tenant).orElse(null);
                if (now != null && !now.isBefore(chunkEnd)) {
                    return false; // another run got there first
                }
                rollups.recompute(tenant, chunkStart, chunkEnd);
                rollups.completeThrough(tenant, chunkEnd);
                return true;
            });
            days += Boolean.TRUE.equals(done) ? (int) (chunkEnd.toEpochDay() - chunkStart.toEpochDay() + 1) : 0;
        }
        return days;
    }

    private int chunkDays() {
        return Math.max(1, properties.chunkDays());
    }
}
