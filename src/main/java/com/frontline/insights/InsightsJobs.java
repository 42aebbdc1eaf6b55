package com.frontline.insights;

import com.frontline.chat.ChatEvents;
import com.frontline.shared.TenantId;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The batch analysis as db-scheduler tasks (stored in PostgreSQL, run by one app node, retried, resumed after a
 * restart). A batch is enqueued when a conversation reaches 10, 20, … customer messages, when an agent resolves it,
 * and when it has been quiet for {@code frontline.insights.idle-after}. Its task instance id is
 * {@code tenant:conversation:upToSeq}, so enqueueing the same batch twice schedules it once; and the watermark moved
 * in the analysing transaction makes a batch that runs again do nothing.
 */
@Configuration(proxyBeanMethods = false)
class InsightsJobs {

    private static final Logger log = LoggerFactory.getLogger(InsightsJobs.class);
    static final String TASK = "insights-analyse";

    record Batch(UUID tenant, UUID conversationId, long upToSeq) implements Serializable {
    }

    @Bean
    OneTimeTask<Batch> insightsAnalyseTask(InsightsService insights) {
        return Tasks.oneTime(TASK, Batch.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(3,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(10))))
                .execute((instance, context) -> {
                    Batch b = instance.getData();
                    insights.analyse(TenantId.of(b.tenant()), b.conversationId(), b.upToSeq());
                });
    }

    @Bean
    RecurringTask<Void> insightsIdleSweepTask(Enqueue enqueue, InsightsProperties properties) {
        return Tasks.recurring("insights-idle-sweep", FixedDelay.of(properties.sweepEvery()))
                .execute((instance, context) -> enqueue.quietConversations(OffsetDateTime.now()));
    }

    /**
     * Every {@code cluster-every}: a background re-cluster ({@link InsightsBackground#recluster}) for each workspace
     * with unanswered questions, so the gaps page shows it running and a failure like a button's.
     */
    @Bean
    RecurringTask<Void> insightsClusterTask(InsightsService insights, InsightsProperties properties,
                                            org.springframework.beans.factory.ObjectProvider<InsightsBackground> background) {
        return Tasks.recurring("insights-cluster", FixedDelay.of(properties.clusterEvery()))
                .execute((instance, context) -> insights.workspacesWithGaps()
                        .forEach(tenant -> background.getObject().recluster(tenant)));
    }

    /** Turns the chat's events and quiet conversations into batches. */
    @Component
    static class Enqueue {

        private final SchedulerClient scheduler;
        private final OneTimeTask<Batch> task;
        private final InsightsService insights;
        private final InsightsRepository repository;
        private final InsightsProperties properties;

        Enqueue(@Lazy SchedulerClient scheduler, OneTimeTask<Batch> task, InsightsService insights,
                InsightsRepository repository, InsightsProperties properties) {
            this.scheduler = scheduler;
            this.task = task;
            this.insights = insights;
            this.repository = repository;
            this.properties = properties;
        }

        /** Every {@code batchSize}-th customer message (10, 20, …) closes a batch. */
        @ApplicationModuleListener
        void on(ChatEvents.CustomerMessageAdded e) {
            int count = insights.customerMessage(e.tenant(), e.conversationId(), e.seq(), e.at());
            if (count > 0 && count % properties.batchSize() == 0) {
                enqueue(e.tenant(), e.conversationId(), e.seq());
            }
        }

        /** A resolved conversation has ended: what is left of it is one last batch. */
        @ApplicationModuleListener
        void on(ChatEvents.ConversationResolved e) {
            ended(e.tenant(), e.conversationId());
        }

        void ended(TenantId tenant, UUID conversationId) {
            insights.pendingUpTo(tenant, conversationId).ifPresent(seq -> enqueue(tenant, conversationId, seq));
        }

        /** Conversations quiet for {@code idle-after} have ended too. */
        int quietConversations(OffsetDateTime now) {
            var due = repository.dueAcrossWorkspaces(now.minus(properties.idleAfter()), 500);
            for (InsightsRepository.Due d : due) {
                enqueue(d.tenant(), d.conversationId(), d.lastCustomerSeq());
            }
            return due.size();
        }

        /**
         * Schedules the batch of the conversation's messages up to {@code upToSeq}; a batch scheduled already is left
         * as it is. It runs a little later ({@code batch-delay}), so that the assistant's answer to the last message
         * is stored by then.
         *
         * @return false when that batch was scheduled already
         */
        boolean enqueue(TenantId tenant, UUID conversationId, long upToSeq) {
            String id = tenant.value() + ":" + conversationId + ":" + upToSeq;
            boolean scheduled = scheduler.scheduleIfNotExists(task.instance(id,
                    new Batch(tenant.value(), conversationId, upToSeq)), Instant.now().plus(properties.batchDelay()));
            if (scheduled) {
                log.debug("Workspace {}: analysis of conversation {} up to message {} scheduled", tenant,
                        conversationId, upToSeq);
            }
            return scheduled;
        }
    }
}
