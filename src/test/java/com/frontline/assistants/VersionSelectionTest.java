package com.frontline.assistants;

import com.frontline.audit.AuditLog;
import com.frontline.llm.AssistantGateway;
import com.frontline.search.KnowledgeSearch;
import com.frontline.shared.TenantId;
import com.frontline.tenants.TenantService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Which version a website visitor's answer comes from: a {@link VersionSelector}'s choice when it makes a valid one,
 * the live version otherwise; and the configuration cache, which never serves one workspace another's version.
 */
class VersionSelectionTest {

    final TenantId tenant = new TenantId(UUID.randomUUID());
    final TenantId other = new TenantId(UUID.randomUUID());
    final VersionRepository repository = mock(VersionRepository.class);
    final ConfigCache cache = new ConfigCache();

    AssistantVersions versions(VersionSelector... selectors) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        for (int i = 0; i < selectors.length; i++) {
            beans.addBean("selector" + i, selectors[i]);
        }
        return new AssistantVersions(repository, cache, mock(TenantService.class), mock(KnowledgeSearch.class),
                mock(AssistantGateway.class), mock(ConfidenceThresholdSetting.class), mock(AuditLog.class),
                mock(ApplicationEventPublisher.class), beans.getBeanProvider(VersionSelector.class));
    }

    void has(TenantId t, int live, int... numbers) {
        when(repository.live(t)).thenReturn(Optional.of(new VersionRepository.Live(live, OffsetDateTime.now(),
                "someone", null)));
        when(repository.find(eq(t), anyInt())).thenReturn(Optional.empty());
        for (int n : numbers) {
            AssistantConfig config = AssistantConfigTest.config().withConfidenceThreshold(n / 100.0);
            when(repository.find(t, n)).thenReturn(Optional.of(new AssistantVersion(n, config,
                    AssistantVersion.Status.PUBLISHED, "someone", null, OffsetDateTime.now(), null, null)));
        }
    }

    @Test
    void withoutASelectorTheLiveVersionAnswers() {
        has(tenant, 2, 1, 2, 3);
        assertThat(versions().versionFor(tenant, "visitor-1")).isEqualTo(2);
    }

    @Test
    void aSelectorsChoiceAnswersWithTheWorkspaceAndVisitorHandedToIt() {
        has(tenant, 2, 1, 2, 3);
        List<String> asked = new ArrayList<>();
        VersionSelector experiment = (t, visitor) -> {
            asked.add(t + "/" + visitor);
            return visitor.endsWith("b") ? OptionalInt.of(3) : OptionalInt.empty();
        };
        AssistantVersions versions = versions(experiment);

        assertThat(versions.versionFor(tenant, "visitor-b")).isEqualTo(3);
        assertThat(versions.versionFor(tenant, "visitor-a")).isEqualTo(2);
        assertThat(asked).containsExactly(tenant + "/visitor-b", tenant + "/visitor-a");
    }

    @Test
    void aVersionTheWorkspaceDoesNotHaveOrAFailingSelectorFallsBackToLive() {
        has(tenant, 2, 1, 2);
        assertThat(versions((t, v) -> OptionalInt.of(9)).versionFor(tenant, "v")).isEqualTo(2);
        assertThat(versions((t, v) -> {
            throw new IllegalStateException("experiment store down");
        }).versionFor(tenant, "v")).isEqualTo(2);
    }

    @Test
    void anotherWorkspacesVersionNumberIsNotTaken() {
        has(tenant, 1, 1);
        has(other, 1, 1, 2);
        // version 2 exists, but in the other workspace only
        assertThat(versions((t, v) -> OptionalInt.of(2)).versionFor(tenant, "v")).isEqualTo(1);
        assertThat(versions((t, v) -> OptionalInt.of(2)).versionFor(other, "v")).isEqualTo(2);
    }

    @Test
    void configurationsAreCachedPerWorkspaceAndVersion() {
        has(tenant, 1, 1, 2);
        has(other, 1, 1, 2);
        AssistantConfig mine = AssistantConfigTest.config().withConfidenceThreshold(0.11);
        AssistantConfig theirs = AssistantConfigTest.config().withConfidenceThreshold(0.22);
        when(repository.find(tenant, 1)).thenReturn(Optional.of(new AssistantVersion(1, mine,
                AssistantVersion.Status.PUBLISHED, "a", null, OffsetDateTime.now(), null, null)));
        when(repository.find(other, 1)).thenReturn(Optional.of(new AssistantVersion(1, theirs,
                AssistantVersion.Status.PUBLISHED, "b", null, OffsetDateTime.now(), null, null)));
        AssistantVersions versions = versions();

        for (int i = 0; i < 3; i++) {
            assertThat(versions.config(tenant, 1)).contains(mine);
            assertThat(versions.config(other, 1)).contains(theirs);
        }
        verify(repository, times(1)).find(tenant, 1);
        verify(repository, times(1)).find(other, 1);
        assertThat(versions.config(tenant, 7)).isEmpty();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void theCacheKeepsAtMostItsCapacity() {
        for (int i = 1; i <= ConfigCache.CAPACITY + 10; i++) {
            cache.put(tenant, i, AssistantConfigTest.config());
        }
        assertThat(cache.size()).isEqualTo(ConfigCache.CAPACITY);
    }
}
