package com.frontline.llm.internal;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.shared.TenantId;
import com.frontline.tenants.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two workspaces: neither sees, changes nor deletes the other's providers, settings, prices or usage. */
@IntegrationTest
@Transactional
class LlmRepositoriesIsolationTest {

    @Autowired ProviderRepository providers;
    @Autowired SettingsRepository settings;
    @Autowired UsageRepository usage;
    @Autowired TestAccounts accounts;

    TenantId a;
    TenantId b;

    @BeforeEach
    void twoWorkspaces() {
        var alice = accounts.user("alice");
        var bob = accounts.user("bob");
        Workspace wa = accountsWorkspace(alice, "A Corp");
        Workspace wb = accountsWorkspace(bob, "B Corp");
        a = wa.id();
        b = wb.id();
    }

    private Workspace accountsWorkspace(com.frontline.identity.UserAccount user, String name) {
        return accounts.workspace(new TestAccounts.Account(user, null), name);
    }

    static ProviderConfig config(UUID id, String label) {
        return new ProviderConfig(id, ProviderKind.OPENAI, label, null, new byte[]{1, 2, 3}, "abcd", "gpt-4o-mini",
                null, null, null, Duration.ofSeconds(30), true, true, 1, OffsetDateTime.now());
    }

    @Test
    void providersAreSeparate() {
        UUID id = UUID.randomUUID();
        providers.insert(a, config(id, "OpenAI"));

        assertThat(providers.findAll(a)).extracting(ProviderConfig::id).containsExactly(id);
        assertThat(providers.findAll(b)).isEmpty();
        assertThat(providers.find(b, id)).isEmpty();
        assertThat(providers.labelTaken(b, "OpenAI", UUID.randomUUID())).isFalse();
        assertThat(providers.labelTaken(a, "openai", UUID.randomUUID())).isTrue();
        assertThat(providers.nextPriority(b)).isEqualTo(1);

        providers.update(b, config(id, "Hijacked"));
        providers.setPriority(b, id, 99);
        assertThat(providers.delete(b, id)).isFalse();
        assertThat(providers.find(a, id)).get().satisfies(p -> {
            assertThat(p.label()).isEqualTo("OpenAI");
            assertThat(p.priority()).isEqualTo(1);
        });
    }

    @Test
    void settingsAndPricesAreSeparate() {
        settings.save(a, new LlmSettings(false, 10, 90, 5000, new BigDecimal("25.00")));
        settings.savePrice(a, "gpt-4o-mini", new BigDecimal("9"), new BigDecimal("9"));

        assertThat(settings.find(a).monthlyBudgetUsd()).isEqualByComparingTo("25");
        assertThat(settings.find(b)).isEqualTo(LlmSettings.DEFAULTS);
        assertThat(settings.prices(a)).containsOnlyKeys("gpt-4o-mini");
        assertThat(settings.prices(b)).isEmpty();
        assertThat(settings.deletePrice(b, "gpt-4o-mini")).isFalse();
        assertThat(settings.prices(a)).containsOnlyKeys("gpt-4o-mini");
    }

    @Test
    void usageIsSeparate() {
        usage.insert(a, new UsageRecord(null, null, null, "OpenAI", "OPENAI", "gpt-4o-mini", Purpose.ANSWER, "simple",
                "test", 10, 0, 100, 20, new BigDecimal("0.50"), 300, Outcome.OK, false, null));
        OffsetDateTime since = OffsetDateTime.now().minusDays(1);

        assertThat(usage.costSince(a, since)).isEqualByComparingTo("0.50");
        assertThat(usage.costSince(b, since)).isEqualByComparingTo("0");
        assertThat(usage.summary(a, since)).singleElement().satisfies(l -> {
            assertThat(l.calls()).isEqualTo(1);
            assertThat(l.tokens()).isEqualTo(120);
            assertThat(l.p50LatencyMs()).isEqualTo(300);
        });
        assertThat(usage.summary(b, since)).isEmpty();
        assertThat(usage.total(b, since).calls()).isZero();
        assertThat(usage.recent(a, 10)).hasSize(1);
        assertThat(usage.recent(b, 10)).isEmpty();
    }
}
