package com.frontline.chat;

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

/**
 * Keeps the daily roll-up of the feedback review cards ({@code chat.answer_days}): a db-scheduler recurring task
 * ({@code frontline.chat.rollup.every}), so one app node runs it at a time and it survives restarts. Each run
 * <ol>
 *   <li>rolls each workspace up through the last UTC day that ended at least {@code settle} ago, from where it
 *       stopped (or from its first answer: the backfill), {@code chunkDays} days per transaction;</li>
 *   <li>rolls up again the past days whose answers changed since (a late rating, an implicit score, a handoff),
 *       which triggers on {@code chat.messages} mark.</li>
 * </ol>
 * Rolling a day up replaces it whole, so a run that stops half-way, or runs twice, leaves the same figures. Until a
 * day is rolled up (again), the page reads it live: the cards never show a lagging figure. Finding the work are the
 * two reads across workspaces; each workspace is then rolled up on its own.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackRollupJob {

    private static final Logger log = LoggerFactory.getLogger(FeedbackRollupJob.class);

    private final FeedbackRollupRepository rollups;
    private final TransactionTemplate tx;
    private final ChatProperties.Rollup properties;

    FeedbackRollupJob(FeedbackRollupRepository rollups, TransactionTemplate tx, ChatProperties properties) {
        this.rollups = rollups;
        this.tx = tx;
        this.properties = properties.rollup();
    }

    @Bean
    RecurringTask<Void> feedbackRollupTask() {
        return Tasks.recurring("chat-feedback-rollup", FixedDelay.of(properties.every()))
                .execute((instance, context) -> {
                    Run run = run();
                    if (run.days() > 0 || run.staleDays() > 0) {
                        log.debug("Feedback roll-up: {} days rolled up, {} changed days again", run.days(),
                                run.staleDays());
                    }
                });
    }

    /** What one run did: days rolled up for the first time, and changed days rolled up again. */
    record Run(int days, int staleDays) {
    }

    /** One run at the database's current time. */
    Run run() {
        OffsetDateTime now = rollups.databaseNow();
        LocalDate through = now.minus(properties.settle()).atZoneSameInstant(ZoneOffset.UTC).toLocalDate()
                .minusDays(1);
        int days = 0;
        for (FeedbackRollupRepository.Behind b : rollups.behind(through)) {
            try {
                days += catchUp(b, through);
            } catch (RuntimeException e) {
                // one workspace must not hold up the rest; it is still behind and is tried again next run
                log.warn("Workspace {}: could not roll up the feedback review figures: {}", b.tenant(),
                        e.toString());
            }
        }
        List<FeedbackRollupRepository.StaleDay> stale = rollups.staleDue(Math.max(1, properties.staleDays()));
        int again = 0;
        int i = 0;
        while (i < stale.size()) {
            // consecutive changed days of one workspace are rolled up together
            FeedbackRollupRepository.StaleDay first = stale.get(i);
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
                log.warn("Workspace {}: could not roll up the changed days {} to {} again: {}", first.tenant(),
                        first.day(), to, e.toString());
            }
            i = j;
        }
        return new Run(days, again);
    }

    /** Rolls one workspace up through {@code through}; returns the days rolled up. */
    private int catchUp(FeedbackRollupRepository.Behind b, LocalDate through) {
        LocalDate from = b.completeThrough() != null ? b.completeThrough().plusDays(1)
                : rollups.firstAnswerDay(b.tenant()).orElse(through.plusDays(1));
        if (from.isAfter(through)) {
            // nothing before today (or a workspace without answers): only the mark moves
            tx.executeWithoutResult(s -> rollups.completeThrough(b.tenant(), through));
            return 0;
        }
        int days = 0;
        for (LocalDate start = from; !start.isAfter(through); start = start.plusDays(chunkDays())) {
            LocalDate chunkStart = start;
            LocalDate end = start.plusDays(chunkDays() - 1L);
            LocalDate chunkEnd = end.isAfter(through) ? through : end;
            Boolean done = tx.execute(s -> {
                rollups.lock(b.tenant());
                LocalDate reached = rollups.completeThrough(b.tenant()).orElse(null);
                if (reached != null && !reached.isBefore(chunkEnd)) {
                    return false; // another run got there first
                }
                rollups.recompute(b.tenant(), chunkStart, chunkEnd);
                rollups.completeThrough(b.tenant(), chunkEnd);
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
