package com.frontline.privacy;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two db-scheduler recurring tasks (durable, one app node at a time): the retention job, and the retry of erasures
 * whose Elasticsearch part failed. Both are idempotent: a run that stops half-way is finished by the next.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyJobs {

    @Bean
    RecurringTask<Void> privacyRetentionTask(PrivacyService privacy, PrivacyProperties properties) {
        return Tasks.recurring("privacy-retention", FixedDelay.of(properties.retentionEvery()))
                .execute((instance, context) -> privacy.applyRetentionEverywhere());
    }

    @Bean
    RecurringTask<Void> privacyErasureRetryTask(PrivacyService privacy, PrivacyProperties properties) {
        return Tasks.recurring("privacy-erasure-retry", FixedDelay.of(properties.retryEvery()))
                .execute((instance, context) -> privacy.retryPending());
    }
}
