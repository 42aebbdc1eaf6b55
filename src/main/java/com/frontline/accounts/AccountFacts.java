package com.frontline.accounts;

import com.frontline.accounts.importing.HealthScore;
import com.frontline.knowledge.KnowledgeFacts;
import com.frontline.shared.TenantId;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * KPI data becomes knowledge: for each account of a confirmed data version, one summary passage (health score,
 * band, KPI count) and one passage per KPI, handed to the knowledge module ({@link KnowledgeFacts}), which stores and
 * indexes them as internal passages, so the team's assistant can answer "What is Acme's NPS?" or "Which accounts are
 * at risk?" while the website widget never sees them.
 */
@Configuration(proxyBeanMethods = false)
class AccountFacts {

    record IndexFacts(UUID tenant, int version) implements Serializable {
    }

    /** Accounts handed to knowledge per call: bounds the memory of one call for a large data version. */
    static final int HANDOVER_BATCH = 200;

    @Bean
    OneTimeTask<IndexFacts> accountFactsTask(AccountsService service, AccountRepository repository,
                                             KnowledgeFacts knowledge) {
        return Tasks.oneTime("accounts-index-facts", IndexFacts.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(4,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5))))
                .execute((instance, context) -> {
                    TenantId tenant = TenantId.of(instance.getData().tenant());
                    int version = instance.getData().version();
                    List<KnowledgeFacts.AccountFacts> batch = new ArrayList<>();
                    for (AccountRepository.AccountRow account : repository.accountsOfVersion(tenant, version)) {
                        AccountDetails details = service.account(tenant, account.id());
                        batch.add(new KnowledgeFacts.AccountFacts(account.id(), details.dataVersion(),
                                details.name(), facts(details)));
                        if (batch.size() >= HANDOVER_BATCH) {
                            knowledge.replaceAccountFacts(tenant, List.copyOf(batch));
                            batch.clear();
                        }
                    }
                    knowledge.replaceAccountFacts(tenant, batch);
                    repository.factsHandedOver(tenant, version);
                });
    }

    /**
     * Data versions whose facts were never handed over (confirmed before knowledge stored facts, or whose task gave
     * up) are handed over again; the task id makes a version already in progress a no-op.
     */
    @Bean
    RecurringTask<Void> accountFactsSweepTask(AccountRepository repository, @Lazy SchedulerClient scheduler,
                                              OneTimeTask<IndexFacts> task) {
        return Tasks.recurring("accounts-facts-sweep", FixedDelay.ofMinutes(10))
                .execute((instance, context) -> {
                    for (AccountRepository.VersionRef v : repository.versionsNotHandedOver(
                            OffsetDateTime.now().minusMinutes(1))) {
                        scheduler.scheduleIfNotExists(task.instance(v.tenant() + ":" + v.version(),
                                new IndexFacts(v.tenant().value(), v.version())), Instant.now());
                    }
                });
    }

    static List<String> facts(AccountDetails account) {
        List<String> texts = new ArrayList<>();
        HealthScore health = account.health();
        String score = health.score() == null ? "not enough data for a health score"
                : "health score %.0f out of 100 (%s)".formatted(health.score(), health.band());
        StringBuilder summary = new StringBuilder("Account %s: %s, %d KPIs.".formatted(account.name(), score,
                account.latest().size()));
        if ("At risk".equals(health.band())) {
            summary.append(" ").append(account.name()).append(" is an at-risk account.");
        }
        account.attributes().forEach((k, v) -> summary.append(' ').append(k).append(": ").append(v).append('.'));
        texts.add(summary.toString());
        for (KpiValue kpi : account.latest()) {
            StringBuilder fact = new StringBuilder("%s of %s is %s".formatted(kpi.kpiName(), account.name(), kpi.display()));
            if (kpi.observedOn() != null) {
                fact.append(" (as of ").append(kpi.observedOn()).append(')');
            }
            fact.append('.');
            if (kpi.category() != null) {
                fact.append(" Category: ").append(kpi.category()).append('.');
            }
            if (kpi.impactLevel() != null) {
                fact.append(" Impact: ").append(kpi.impactLevel().toLowerCase(Locale.ROOT)).append('.');
            }
            if (kpi.healthComponent() != null) {
                fact.append(" Health component: ").append(kpi.healthComponent()).append('.');
            }
            if (kpi.lowerIsBetter()) {
                fact.append(" Lower is better.");
            }
            texts.add(fact.toString());
        }
        return texts;
    }

    @Component
    static class Scheduling {

        private final SchedulerClient scheduler;
        private final OneTimeTask<IndexFacts> task;

        Scheduling(@Lazy SchedulerClient scheduler, OneTimeTask<IndexFacts> task) {
            this.scheduler = scheduler;
            this.task = task;
        }

        @ApplicationModuleListener
        void on(AccountsEvents.DataVersionConfirmed e) {
            scheduler.scheduleIfNotExists(task.instance(e.tenant() + ":" + e.version(),
                    new IndexFacts(e.tenant().value(), e.version())), Instant.now());
        }
    }
}
