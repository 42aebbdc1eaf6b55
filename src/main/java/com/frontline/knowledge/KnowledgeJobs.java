package com.frontline.knowledge;

import com.frontline.search.KnowledgeIndex;
import com.frontline.shared.TenantId;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Background work on a workspace's knowledge, as db-scheduler tasks: persisted in PostgreSQL, picked by exactly one
 * app node, retried with exponential back-off, and picked up again after a restart. The durable knowledge events
 * schedule them; a task's id names its target, so scheduling the same work twice is a no-op.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeJobs {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeJobs.class);
    static final int MAX_RETRIES = 4;

    record Ingest(UUID tenant, UUID documentId, int version) implements Serializable {
    }

    record Delete(UUID tenant, UUID documentId) implements Serializable {
    }

    record Rebuild(UUID tenant) implements Serializable {
    }

    record Reindex(UUID tenant, UUID documentId) implements Serializable {
    }

    /** Documents a failed batch hands back wait this long before their own job runs them. */
    static final Duration REQUEUE_DELAY = Duration.ofSeconds(5);

    /** The instance id of a version's ingestion job: one job per version, whoever schedules it. */
    static String ingestId(TenantId tenant, UUID documentId, int version) {
        return BatchIngestion.holder(tenant, documentId, version);
    }

    @Bean
    OneTimeTask<Ingest> ingestTask(BatchIngestion batches, DocumentRepository documents) {
        return Tasks.oneTime("knowledge-ingest", Ingest.class)
                .onFailure(new WaitForSearch<>(new FailureHandler.MaxRetriesFailureHandler<>(MAX_RETRIES,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5)),
                        (complete, operations) -> {
                            Ingest job = (Ingest) complete.getExecution().taskInstance.getData();
                            String reason = complete.getCause().map(Throwable::getMessage).orElse("unknown error");
                            log.warn("Giving up on document {} v{} after {} attempts: {}", job.documentId(),
                                    job.version(), MAX_RETRIES + 1, reason);
                            documents.setStatus(TenantId.of(job.tenant()), job.documentId(), job.version(),
                                    DocumentStatus.FAILED, "Indexing failed after several attempts. "
                                            + "Try \"Rebuild index\" later, or upload the file again.");
                            operations.stop();
                        })))
                .execute((instance, context) -> {
                    Ingest job = instance.getData();
                    TenantId tenant = TenantId.of(job.tenant());
                    BatchIngestion.Outcome outcome = batches.ingest(tenant, job.documentId(), job.version());
                    Instant later = Instant.now().plus(REQUEUE_DELAY);
                    for (BatchIngestion.Requeue r : outcome.requeue()) {
                        context.getSchedulerClient().scheduleIfNotExists(new TaskInstance<>(instance.getTaskName(),
                                ingestId(tenant, r.documentId(), r.version()),
                                new Ingest(job.tenant(), r.documentId(), r.version())), later);
                    }
                    if (outcome.ownFailure() != null) {
                        throw outcome.ownFailure(); // retried with back-off, and marked failed after the last try
                    }
                });
    }

    @Bean
    OneTimeTask<Delete> deleteTask(KnowledgeIndex index) {
        return Tasks.oneTime("knowledge-delete", Delete.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5)))
                .execute((instance, context) -> index.deleteDocument(TenantId.of(instance.getData().tenant()),
                        instance.getData().documentId()));
    }

    @Bean
    OneTimeTask<Rebuild> rebuildTask(IngestionPipeline pipeline, DocumentRepository documents) {
        return Tasks.oneTime("knowledge-rebuild", Rebuild.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(MAX_RETRIES,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5)),
                        (complete, operations) -> {
                            Rebuild job = (Rebuild) complete.getExecution().taskInstance.getData();
                            documents.rebuild(TenantId.of(job.tenant())).ifPresent(p -> documents.rebuildProgress(
                                    TenantId.of(job.tenant()), p.done(), true, "The rebuild stopped with an error."));
                            operations.stop();
                        }))
                .execute((instance, context) -> pipeline.rebuild(TenantId.of(instance.getData().tenant())));
    }

    @Bean
    OneTimeTask<Reindex> visibilityTask(IngestionPipeline pipeline) {
        return Tasks.oneTime("knowledge-visibility", Reindex.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5)))
                .execute((instance, context) -> pipeline.reindexVisibility(TenantId.of(instance.getData().tenant()),
                        instance.getData().documentId()));
    }

    /**
     * A batch that died (the app was killed) leaves its other documents claimed until the lease runs out, and their
     * own jobs may have finished meanwhile (they saw the claim): this sweep queues such documents again, on one node
     * at a time. Queueing a job that still waits is a no-op.
     */
    @Bean
    RecurringTask<Void> ingestSweepTask(IngestionClaimRepository claims, KnowledgeProperties properties,
                                        OneTimeTask<Ingest> ingest) {
        return Tasks.recurring("knowledge-ingest-sweep", FixedDelay.of(properties.ingestSweepEvery()))
                .execute((instance, context) -> {
                    OffsetDateTime waitingSince = OffsetDateTime.now().minus(properties.ingestSweepEvery());
                    for (IngestionClaimRepository.Stalled s : claims.stalled(waitingSince, 1000)) {
                        boolean queued = context.getSchedulerClient().scheduleIfNotExists(ingest.instance(
                                ingestId(s.tenant(), s.documentId(), s.version()),
                                new Ingest(s.tenant().value(), s.documentId(), s.version())), Instant.now());
                        if (queued) {
                            log.info("Queued document {} v{} of workspace {} again: its batch stopped", s.documentId(),
                                    s.version(), s.tenant());
                        }
                    }
                });
    }

    /**
     * Chunks indexed before they had a visibility count as internal, so the widget would not find a workspace's
     * help content until it is indexed again. Once after each start (on one node), every workspace that still has
     * such chunks is rebuilt from PostgreSQL; workspaces without them cost one count each.
     */
    @Bean
    OneTimeTask<Void> visibilityBackfillTask(IngestionPipeline pipeline, DocumentRepository documents,
                                             KnowledgeIndex index) {
        return Tasks.oneTime("knowledge-visibility-backfill")
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30)))
                .execute((instance, context) -> {
                    for (TenantId tenant : documents.tenantsWithKnowledge()) {
                        long missing = index.countWithoutVisibility(tenant);
                        if (missing > 0) {
                            log.info("Workspace {}: {} chunks have no visibility yet; rebuilding its index",
                                    tenant, missing);
                            pipeline.rebuild(tenant);
                        }
                    }
                });
    }

    /** Turns the durable events into scheduled tasks; runs after the publishing transaction commits. */
    @org.springframework.stereotype.Component
    static class Scheduling {

        private final SchedulerClient scheduler;
        private final OneTimeTask<Ingest> ingest;
        private final OneTimeTask<Delete> delete;
        private final OneTimeTask<Rebuild> rebuild;
        private final OneTimeTask<Reindex> visibility;
        private final OneTimeTask<Void> backfill;

        private final IngestionPipeline pipeline;

        Scheduling(@Lazy SchedulerClient scheduler, OneTimeTask<Ingest> ingest, OneTimeTask<Delete> delete,
                   OneTimeTask<Rebuild> rebuild, OneTimeTask<Reindex> visibility, OneTimeTask<Void> backfill,
                   IngestionPipeline pipeline) {
            this.pipeline = pipeline;
            this.scheduler = scheduler;
            this.ingest = ingest;
            this.delete = delete;
            this.rebuild = rebuild;
            this.visibility = visibility;
            this.backfill = backfill;
        }

        @ApplicationModuleListener
        void on(KnowledgeEvents.VisibilityChanged e) {
            // one task per change: a change made while the previous one's task runs must not be dropped as a duplicate
            scheduler.scheduleIfNotExists(visibility.instance(e.tenant() + ":" + e.documentId() + ":"
                    + e.at().toEpochMilli(), new Reindex(e.tenant().value(), e.documentId())), Instant.now());
        }

        @EventListener(ApplicationReadyEvent.class)
        void backfillVisibility() {
            scheduler.scheduleIfNotExists(backfill.instance("once-per-start"), Instant.now().plusSeconds(5));
        }

        @ApplicationModuleListener
        void on(KnowledgeEvents.DocumentVersionUploaded e) {
            scheduler.scheduleIfNotExists(ingest.instance(ingestId(e.tenant(), e.documentId(), e.version()),
                    new Ingest(e.tenant().value(), e.documentId(), e.version())), Instant.now());
        }

        @ApplicationModuleListener
        void on(KnowledgeEvents.DocumentDeleted e) {
            scheduler.scheduleIfNotExists(delete.instance(e.tenant() + ":" + e.documentId(),
                    new Delete(e.tenant().value(), e.documentId())), Instant.now());
        }

        @ApplicationModuleListener
        void on(KnowledgeEvents.DocumentRenamed e) {
            pipeline.retitle(e.tenant(), e.documentId());
        }

        @ApplicationModuleListener
        void on(KnowledgeEvents.RebuildRequested e) {
            scheduler.scheduleIfNotExists(rebuild.instance(e.tenant().toString(), new Rebuild(e.tenant().value())),
                    Instant.now());
        }
    }
}
