package com.frontline.llm.internal;

import com.frontline.llm.VersionUsage;
import com.frontline.shared.TenantId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps the daily usage summaries and removes raw usage records past their workspace's retention: a db-scheduler
 * recurring task, so one app node runs it at a time and it survives restarts. Every run, per workspace with records:
 * <ol>
 *     <li>recomputes, in one transaction, every day from the first one not yet final (or the last
 *     {@code recomputeDays}, whichever is earlier) through today, replacing that range's summaries with the aggregate
 *     of the raw records (running it twice gives the same rows);</li>
 *     <li>marks as final the days that ended at least {@code grace} before the run began and were just recomputed;</li>
 *     <li>deletes raw records older than the retention period, but never of a day that is not final: the cut-off is
 *     the earlier of (today − retention) and the day after the last final one.</li>
 * </ol>
 * Finding the workspaces is the one read across workspaces; everything after it reads and writes one workspace.
 */
@Configuration(proxyBeanMethods = false)
class UsageSummaryJob {

    private static final Logger log = LoggerFactory.getLogger(UsageSummaryJob.class);
    /** Delete statements per workspace and run at most; the rest waits for the next run. */
    static final int MAX_DELETE_BATCHES = 50;

    private final UsageSummaryRepository summaries;
    private final TransactionTemplate tx;
    private final UsageProperties properties;
    private final VersionUsage versions;

    UsageSummaryJob(UsageSummaryRepository summaries, TransactionTemplate tx, UsageProperties properties,
                    VersionUsage versions) {
        this.summaries = summaries;
        this.tx = tx;
        this.properties = properties;
        this.versions = versions;
    }

    @Bean
    RecurringTask<Void> usageSummaryTask() {
        return Tasks.recurring("llm-usage-summaries", FixedDelay.of(properties.summaryEvery()))
                .execute((instance, context) -> run(OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /** What one run did. */
    record Run(int workspaces, int failed, long deleted) {
    }

    /** Summarises every workspace with records, then applies each one's retention. */
    Run run(OffsetDateTime now) {
        int done = 0;
        int failed = 0;
        long deleted = 0;
        for (TenantId tenant : summaries.workspacesWithRecords()) {
            try {
                summarise(tenant, now);
                deleted += retain(tenant, now);
                done++;
            } catch (RuntimeException e) {
                // one workspace's problem must not hold up the others; it is tried again next run
                failed++;
                log.warn("Workspace {}: could not summarise usage: {}", tenant, e.toString());
            }
        }
        return new Run(done, failed, deleted);
    }

    /**
     * Recomputes the workspace's open days (and the last {@code recomputeDays}) and moves the final mark.
     *
     * @return the state after the run
     */
    UsageSummaryRepository.State summarise(TenantId tenant, OffsetDateTime now) {
        UsageSummaryRepository.State state = tx.execute(status -> {
            summaries.lock(tenant);
            LocalDate today = now.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
            UsageSummaryRepository.State before = summaries.state(tenant);
            LocalDate recent = today.minusDays(properties.recomputeDays() - 1L);
            LocalDate from;
            if (before == null) {
                from = summaries.firstDay(tenant).filter(d -> d.isBefore(recent)).orElse(recent);
            } else {
                LocalDate open = before.completeThrough().plusDays(1);
                from = open.isBefore(recent) ? open : recent;
            }
            LocalDate to = today;
            if (from.plusDays(properties.maxDaysPerRun()).isBefore(today.plusDays(1))) {
                to = from.plusDays(properties.maxDaysPerRun() - 1L);
            }
            summaries.replaceDays(tenant, from, to, summaries.aggregate(tenant, from, to),
                    summaries.aggregateConversations(tenant, from, to));
            versions.rollUpDays(tenant, from, to);
            // the last day that ended at least `grace` ago, if this run recomputed it
            LocalDate ended = now.minus(properties.grace()).atZoneSameInstant(ZoneOffset.UTC).toLocalDate()
                    .minusDays(1);
            LocalDate complete = ended.isBefore(to) ? ended : to;
            if (before != null && before.completeThrough().isAfter(complete)) {
                complete = before.completeThrough();
            }
            summaries.saveState(tenant, complete, now);
            return new UsageSummaryRepository.State(complete, now);
        });
        return java.util.Objects.requireNonNull(state);
    }

    /**
     * Deletes the workspace's raw records past its retention period, only of days whose summaries are final.
     *
     * @return how many were deleted
     */
    long retain(TenantId tenant, OffsetDateTime now) {
        UsageSummaryRepository.@Nullable State state = summaries.state(tenant);
        if (state == null) {
            return 0; // nothing is summarised yet: nothing may go
        }
        LocalDate today = now.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        LocalDate keepFrom = today.minusDays(summaries.retentionDays(tenant));
        LocalDate firstOpen = state.completeThrough().plusDays(1);
        OffsetDateTime cutoff = UsageSummaryRepository.start(keepFrom.isBefore(firstOpen) ? keepFrom : firstOpen);
        long deleted = 0;
        for (int i = 0; i < MAX_DELETE_BATCHES; i++) {
            Integer n = tx.execute(status -> summaries.deleteRecordsBefore(tenant, cutoff, properties.deleteBatch()));
            deleted += n == null ? 0 : n;
            if (n == null || n < properties.deleteBatch()) {
                break;
            }
        }
        if (deleted > 0) {
            log.info("Workspace {}: deleted {} usage records from before {} (summarised)", tenant, deleted,
                    cutoff.toLocalDate());
        }
        return deleted;
    }
}
