package com.frontline.insights;

import com.frontline.shared.TenantId;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;

/**
 * The db-scheduler tasks of {@link InsightsBackground}; each instance's id is the workspace's id (its data too).
 */
@Configuration(proxyBeanMethods = false)
class InsightsBackgroundJobs {

    static final String BACKFILL = "insights-backfill";
    static final String CLUSTER = "insights-recluster";

    record Tasks(OneTimeTask<UUID> backfill, OneTimeTask<UUID> cluster) {
    }

    @Bean
    OneTimeTask<UUID> insightsBackfillTask(ObjectProvider<InsightsBackground> background) {
        return com.github.kagkarlsson.scheduler.task.helper.Tasks.oneTime(BACKFILL, UUID.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(5,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30))))
                .execute((instance, context) -> background.getObject().runBackfill(TenantId.of(instance.getData())));
    }

    @Bean
    OneTimeTask<UUID> insightsReclusterTask(ObjectProvider<InsightsBackground> background) {
        // a failure is stored by the task itself (the page shows it); nothing is retried
        return com.github.kagkarlsson.scheduler.task.helper.Tasks.oneTime(CLUSTER, UUID.class)
                .execute((instance, context) -> background.getObject().runClustering(TenantId.of(instance.getData())));
    }

    @Bean
    Tasks insightsBackgroundTasks(OneTimeTask<UUID> insightsBackfillTask, OneTimeTask<UUID> insightsReclusterTask) {
        return new Tasks(insightsBackfillTask, insightsReclusterTask);
    }

    /** Once the app is up (after the demo seed): backfills for workspaces that need one. */
    @Component
    static class StartupCheck {

        private final InsightsBackground background;

        StartupCheck(InsightsBackground background) {
            this.background = background;
        }

        @EventListener(ApplicationReadyEvent.class)
        void onReady() {
            background.startupCheck();
        }
    }
}
