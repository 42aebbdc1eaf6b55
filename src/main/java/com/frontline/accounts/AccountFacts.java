package com.frontline.accounts;

import com.frontline.accounts.importing.HealthScore;
import com.frontline.search.IndexedChunk;
import com.frontline.search.KnowledgeIndex;
import com.frontline.search.TextEmbedder;
import com.frontline.shared.TenantId;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * KPI data becomes knowledge: for each account of a confirmed data version, one summary passage (health score,
 * band, KPI count) and one passage per KPI, indexed like document chunks with source type ACCOUNT, so the assistant
 * can answer "What is Acme's NPS?" or "Which accounts are at risk?".
 */
@Configuration(proxyBeanMethods = false)
class AccountFacts {

    record IndexFacts(UUID tenant, int version) implements Serializable {
    }

    @Bean
    OneTimeTask<IndexFacts> accountFactsTask(AccountsService service, AccountRepository repository,
                                             TextEmbedder embedder, KnowledgeIndex index) {
        return Tasks.oneTime("accounts-index-facts", IndexFacts.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(4,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5))))
                .execute((instance, context) -> {
                    TenantId tenant = TenantId.of(instance.getData().tenant());
                    for (AccountRepository.AccountRow account : repository.accountsOfVersion(tenant,
                            instance.getData().version())) {
                        AccountDetails details = service.account(tenant, account.id());
                        List<String> texts = facts(details);
                        List<float[]> vectors = embedder.embedAll(texts);
                        List<IndexedChunk> chunks = new ArrayList<>();
                        for (int i = 0; i < texts.size(); i++) {
                            UUID chunkId = UUID.nameUUIDFromBytes((account.id() + ":" + details.dataVersion() + ":" + i)
                                    .getBytes(StandardCharsets.UTF_8));
                            chunks.add(new IndexedChunk(tenant, account.id(), details.dataVersion(), chunkId, "ACCOUNT",
                                    details.name(), List.of("Accounts", details.name()), texts.get(i), vectors.get(i),
                                    null));
                        }
                        index.index(tenant, chunks);
                        index.deleteOtherVersions(tenant, account.id(), details.dataVersion());
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
