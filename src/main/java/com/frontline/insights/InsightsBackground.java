package com.frontline.insights;

import com.frontline.chat.ConversationHistory;
import com.frontline.shared.TenantId;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The knowledge gaps' background work, each a db-scheduler task with one instance per workspace (so asking twice runs
 * it once, on one node of the cluster, resumed after a restart):
 * <ul>
 *     <li>the <b>backfill</b>: conversations stored before the batch analysis existed (or recorded without its
 *     events, like the demo's history) are analysed once, a page per transaction with the watermark moved in it;
 *     conversations the live batches noted are skipped. It ends with a re-cluster.</li>
 *     <li>the <b>re-cluster</b>: the clustering the Re-cluster button asks for, off the request thread. A failure
 *     is stored with its message and the previous clusters stay.</li>
 * </ul>
 */
@Service
public class InsightsBackground {

    private static final Logger log = LoggerFactory.getLogger(InsightsBackground.class);

    private final BackgroundRepository repository;
    private final InsightsRepository insightsRepository;
    private final InsightsService insights;
    private final ConversationHistory history;
    private final TransactionTemplate tx;
    private final SchedulerClient scheduler;
    private final OneTimeTask<UUID> backfillTask;
    private final OneTimeTask<UUID> clusterTask;

    InsightsBackground(BackgroundRepository repository, InsightsRepository insightsRepository,
                       InsightsService insights, ConversationHistory history, TransactionTemplate tx,
                       @Lazy SchedulerClient scheduler, InsightsBackgroundJobs.Tasks tasks) {
        this.repository = repository;
        this.insightsRepository = insightsRepository;
        this.insights = insights;
        this.history = history;
        this.tx = tx;
        this.scheduler = scheduler;
        this.backfillTask = tasks.backfill();
        this.clusterTask = tasks.cluster();
    }

    // ---- backfill ----------------------------------------------------------------------------------------------

    /**
     * Starts the backfill of the workspace's earlier conversations, unless it has one (running or done).
     *
     * @return true when this call started it
     */
    public boolean backfill(TenantId tenant) {
        boolean started = Boolean.TRUE.equals(tx.execute(s -> repository.startBackfill(tenant,
                history.count(tenant), OffsetDateTime.now())));
        if (started) {
            log.info("Workspace {}: analysing earlier conversations in the background", tenant);
        }
        schedule(tenant);
        return started;
    }

    /** Schedules the backfill task if it is not finished and not scheduled already. */
    void schedule(TenantId tenant) {
        if (repository.backfill(tenant).filter(Backfill::running).isPresent()) {
            scheduler.scheduleIfNotExists(backfillTask.instance(tenant.value().toString(), tenant.value()),
                    Instant.now());
        }
    }

    public Optional<Backfill> backfillProgress(TenantId tenant) {
        return repository.backfill(tenant);
    }

    /**
     * Walks one page of the workspace's conversations after the watermark: a conversation the live batches (or this
     * backfill) noted already is skipped, any other is noted and analysed up to its last customer message, and the
     * watermark moves past the page, all in one transaction.
     *
     * @return true when more pages remain
     */
    boolean step(TenantId tenant, int pageSize) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            Backfill b = repository.lockBackfill(tenant).orElse(null);
            if (b == null || !b.running()) {
                return false;
            }
            List<ConversationHistory.Stored> page = history.page(tenant, b.after(), pageSize);
            int analysed = 0;
            for (ConversationHistory.Stored c : page) {
                if (c.lastCustomerSeq() > 0
                        && insightsRepository.noteIfNew(tenant, c.id(), c.lastCustomerSeq(), c.lastCustomerAt())) {
                    insights.analyse(tenant, c.id(), c.lastCustomerSeq());
                    analysed++;
                }
            }
            boolean last = page.size() < pageSize;
            OffsetDateTime now = OffsetDateTime.now();
            repository.backfillPage(tenant, page.isEmpty() ? b.after() : page.getLast().id(), page.size(),
                    analysed, last, now);
            if (last) {
                // queued with the last page, so the page never sees "nothing running" between the two
                repository.queueClustering(tenant, insights.gapQuestionCount(tenant), now);
            }
            return !last;
        }));
    }

    /** Runs the backfill to its end (the task's body), then asks for a re-cluster. */
    void runBackfill(TenantId tenant) {
        int pageSize = insights.properties().backfillPage();
        while (step(tenant, pageSize)) {
            // one committed page at a time
        }
        repository.backfill(tenant).ifPresent(b -> log.info(
                "Workspace {}: backfill done, {} conversations walked, {} analysed", tenant, b.done(), b.analysed()));
        scheduleClustering(tenant);
    }

    /** Schedules the re-cluster task if a re-cluster is queued (a no-op when its task is there already). */
    void scheduleClustering(TenantId tenant) {
        if (repository.clusterJob(tenant).filter(j -> j.status() == ClusterJob.Status.QUEUED).isPresent()) {
            scheduler.scheduleIfNotExists(clusterTask.instance(tenant.value().toString(), tenant.value()),
                    Instant.now());
        }
    }

    /**
     * The startup check: every workspace with conversations and no backfill yet gets one, and unfinished ones are
     * scheduled again (a no-op when their task is still there).
     */
    void startupCheck() {
        List<TenantId> missing = repository.withoutBackfill(history.workspacesWithConversations());
        for (TenantId tenant : missing) {
            backfill(tenant);
        }
        for (TenantId tenant : repository.runningBackfills()) {
            schedule(tenant);
        }
        for (TenantId tenant : repository.queuedClusterings()) {
            scheduleClustering(tenant);
        }
    }

    // ---- re-cluster --------------------------------------------------------------------------------------------

    /**
     * Asks for the workspace's unanswered questions to be clustered again in the background. A re-cluster already
     * queued or running is not asked for twice.
     *
     * @return true when this call queued it
     */
    public boolean recluster(TenantId tenant) {
        boolean queued = Boolean.TRUE.equals(tx.execute(s -> repository.queueClustering(tenant,
                insights.gapQuestionCount(tenant), OffsetDateTime.now())));
        if (queued) {
            scheduleClustering(tenant);
        }
        return queued;
    }

    public Optional<ClusterJob> clusterJob(TenantId tenant) {
        return repository.clusterJob(tenant);
    }

    /** The task's body: clusters, and stores how it went. A failure keeps the previous clusters. */
    void runClustering(TenantId tenant) {
        tx.executeWithoutResult(s -> repository.clusteringStarted(tenant, insights.gapQuestionCount(tenant),
                OffsetDateTime.now()));
        @Nullable String error = null;
        try {
            insights.recluster(tenant);
        } catch (RuntimeException e) {
            log.warn("Workspace {}: clustering the unanswered questions failed", tenant, e);
            error = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
            if (error.length() > 300) {
                error = error.substring(0, 300) + "…";
            }
        }
        String failed = error;
        tx.executeWithoutResult(s -> repository.clusteringFinished(tenant, failed, OffsetDateTime.now()));
    }
}
