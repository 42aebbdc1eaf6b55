package com.frontline.assistants;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.chat.ChatService;
import com.frontline.llm.internal.ProviderConfig;
import com.frontline.llm.internal.ProviderForm;
import com.frontline.llm.internal.ProviderKind;
import com.frontline.llm.internal.ProviderSettings;
import com.frontline.search.KnowledgeSearch;
import com.frontline.search.RetrievalSettings;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.ForbiddenException;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.Role;
import com.frontline.tenants.Persona;
import com.frontline.tenants.TenantService;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.frontline.db.assistants.Tables.LIVE;
import static com.frontline.db.assistants.Tables.LIVE_CHANGES;
import static com.frontline.db.assistants.Tables.VERSIONS;
import static com.frontline.db.audit.Tables.ENTRIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publishing, restoring and making versions live on the real database, as an admin does it. */
@IntegrationTest
@RecordApplicationEvents
class AssistantVersionsFlowTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired AssistantVersions versions;
    @Autowired VersionRepository repository;
    @Autowired ChatService chat;
    @Autowired TenantService tenants;
    @Autowired KnowledgeSearch search;
    @Autowired ProviderSettings providers;
    @Autowired DSLContext dsl;
    @Autowired ApplicationEvents events;

    TestAccounts.Account alice;
    CurrentTenant owner;

    @BeforeEach
    void workspace() throws Exception {
        alice = accounts.signedIn(mvc, "alice");
        owner = accounts.asMember(alice, accounts.workspace(alice, "Versions Co"));
    }

    int count(org.jooq.Table<?> table, org.jooq.Field<java.util.UUID> tenantId) {
        return dsl.fetchCount(table, tenantId.eq(owner.id().value()));
    }

    @Test
    void aNewWorkspaceGetsVersionOneMadeOfItsDraftAndLiveOnFirstUse() {
        assertThat(count(VERSIONS, VERSIONS.TENANT_ID)).isZero();

        assertThat(versions.liveVersion(owner.id())).isEqualTo(1);

        AssistantVersion first = versions.get(owner.id(), 1);
        assertThat(first.config()).isEqualTo(versions.draft(owner.id()));
        assertThat(first.createdBy()).isEqualTo(AssistantVersions.FRONTLINE);
        assertThat(first.status()).isEqualTo(AssistantVersion.Status.PUBLISHED);
        assertThat(first.config().persona()).isEqualTo(tenants.persona(owner.id()));
        assertThat(first.config().retrievalSettings()).isEqualTo(RetrievalSettings.defaults());
        assertThat(first.config().confidenceThreshold()).isEqualTo(0.5);
        assertThat(versions.liveHistory(owner.id(), 10)).singleElement()
                .satisfies(h -> assertThat(h.fromVersion()).isNull())
                .satisfies(h -> assertThat(h.toVersion()).isEqualTo(1));
        assertThat(versions.draftDiffersFromLive(owner.id())).isFalse();
    }

    @Test
    void publishingNeedsAChangeAndDoesNotMakeTheVersionLiveByItself() {
        versions.liveVersion(owner.id());
        assertThatThrownBy(() -> versions.publish(owner, "nothing new"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get("note"))
                        .startsWith("Nothing changed since version 1."));

        chat.updateSettings(owner, "70", false, null);
        assertThat(versions.draftDiffersFromLive(owner.id())).isTrue();
        assertThat(versions.draftChanges(owner.id())).containsExactly(
                new FieldDiff("Confidence", "Confidence threshold", "50 %", "70 %"));

        AssistantVersion second = versions.publish(owner, "  Stricter answers  ");
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.note()).isEqualTo("Stricter answers");
        assertThat(second.createdBy()).isEqualTo(alice.user().email());
        assertThat(second.createdById()).isEqualTo(alice.user().id());
        assertThat(second.config().confidenceThreshold()).isEqualTo(0.7);
        assertThat(versions.liveVersion(owner.id())).isEqualTo(1);
        assertThat(versions.liveConfig(owner.id()).confidenceThreshold()).isEqualTo(0.5);
        assertThatThrownBy(() -> versions.publish(owner, null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().get("note")).startsWith("Nothing changed since version 2."));

        versions.makeLive(owner.id(), 2, owner.actor(), "Try stricter answers");

        assertThat(versions.liveVersion(owner.id())).isEqualTo(2);
        assertThat(versions.draftDiffersFromLive(owner.id())).isFalse();
        assertThat(events.stream(AssistantEvents.LiveVersionChanged.class)).singleElement()
                .isEqualTo(new AssistantEvents.LiveVersionChanged(owner.id(), 1, 2, owner.actor(),
                        "Try stricter answers"));
        assertThat(events.stream(AssistantEvents.VersionPublished.class)).extracting(
                AssistantEvents.VersionPublished::number).containsExactly(2);
        assertThat(versions.liveHistory(owner.id(), 10).getFirst()).satisfies(h -> {
            assertThat(h.fromVersion()).isEqualTo(1);
            assertThat(h.toVersion()).isEqualTo(2);
            assertThat(h.changedBy()).isEqualTo(alice.user().email());
            assertThat(h.reason()).isEqualTo("Try stricter answers");
        });
        assertThat(dsl.select(ENTRIES.ACTION).from(ENTRIES).where(ENTRIES.TENANT_ID.eq(owner.id().value()))
                .fetch(ENTRIES.ACTION)).contains("assistants.published", "assistants.live_changed");

        // making the live version live again changes nothing
        versions.makeLive(owner.id(), 2, owner.actor(), "again");
        assertThat(versions.liveHistory(owner.id(), 10)).hasSize(2);
        assertThatThrownBy(() -> versions.makeLive(owner.id(), 7, owner.actor(), "no such"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> versions.publish(owner, "x".repeat(AssistantVersions.MAX_NOTE + 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsKey("note"));
    }

    @Test
    void publishingCanMakeTheNewVersionLiveInOneStep() {
        tenants.updatePersona(owner, withFallback(tenants.persona(owner.id()), "Let me find someone for you."));
        versions.liveVersion(owner.id()); // version 1 has that persona already (made of the draft)
        search.saveSettings(owner, RetrievalSettings.defaults().withTopK(3));

        AssistantVersion v2 = versions.publish(owner, "Fewer passages", true);

        assertThat(versions.liveVersion(owner.id())).isEqualTo(v2.number()).isEqualTo(2);
        assertThat(versions.liveConfig(owner.id()).retrievalSettings().topK()).isEqualTo(3);
        assertThat(versions.liveHistory(owner.id(), 1).getFirst().reason())
                .isEqualTo("Published and made live: Fewer passages");
    }

    @Test
    void restoringCopiesAnEarlierVersionIntoANewVersionAndIntoTheDraft() {
        AssistantConfig v1 = versions.liveConfig(owner.id());
        tenants.updatePersona(owner, withFallback(tenants.persona(owner.id()), "Our team will help you."));
        search.saveSettings(owner, RetrievalSettings.defaults().withBm25Weight(0.7).withTopK(3));
        chat.updateSettings(owner, "65", false, null);
        versions.publish(owner, "Everything different", true);

        AssistantVersion v3 = versions.restore(owner, 1);

        assertThat(v3.number()).isEqualTo(3);
        assertThat(v3.restoredFrom()).isEqualTo(1);
        assertThat(v3.note()).isEqualTo("Restored from version 1");
        assertThat(v3.config()).isEqualTo(v1);
        assertThat(versions.draft(owner.id())).isEqualTo(v1);
        assertThat(tenants.persona(owner.id()).fallbackMessage()).isEqualTo(v1.prompt().fallbackMessage());
        assertThat(chat.settings(owner.id()).confidenceThreshold()).isEqualTo(0.5);
        assertThat(search.settings(owner.id())).isEqualTo(RetrievalSettings.defaults());
        assertThat(versions.liveVersion(owner.id())).as("restoring publishes; it does not go live").isEqualTo(2);
        assertThat(versions.diff(owner.id(), 1, 3)).isEmpty();
        assertThat(versions.diff(owner.id(), 2, 3)).extracting(FieldDiff::label).contains(
                "Fallback message (when not sure)", "Word-match (BM25) weight", "Passages per answer",
                "Confidence threshold");

        assertThatThrownBy(() -> versions.restore(owner, 3)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().get("number")).contains("is the latest version"));
        assertThatThrownBy(() -> versions.restore(owner, 1)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().get("number")).contains("same configuration as the latest version, 3"));
        assertThatThrownBy(() -> versions.restore(owner, 9)).isInstanceOf(NotFoundException.class);

        AssistantVersion v4 = versions.restore(owner, 2, true);
        assertThat(versions.liveVersion(owner.id())).isEqualTo(v4.number()).isEqualTo(4);
        assertThat(versions.draft(owner.id())).isEqualTo(versions.get(owner.id(), 2).config());
    }

    @Test
    void restoringBringsBackTheProvidersOrderAndModelsButNotADeletedProvider() {
        ProviderConfig main = providers.save(owner, new ProviderForm(null, ProviderKind.OPENAI, "Main",
                "http://127.0.0.1:9/v1", "sk-test-0000000000001234", "gpt-4o-mini", "gpt-4o-mini", "gpt-4o", "",
                "5", true, true));
        ProviderConfig backup = providers.save(owner, new ProviderForm(null, ProviderKind.OPENAI_COMPATIBLE,
                "Backup", "http://127.0.0.1:9/v1", "", "llama3", "", "", "", "5", false, true));
        AssistantConfig v1 = versions.liveConfig(owner.id());
        assertThat(v1.providers()).extracting(AssistantConfig.Provider::id).containsExactly(main.id(), backup.id());

        providers.move(owner, backup.id(), true);
        providers.save(owner, new ProviderForm(main.id(), ProviderKind.OPENAI, "Main", "http://127.0.0.1:9/v1", "",
                "gpt-4.1", "", "", "", "5", false, true));
        AssistantVersion v2 = versions.publish(owner, "Backup first", true);
        assertThat(v2.config().providers()).extracting(AssistantConfig.Provider::id)
                .containsExactly(backup.id(), main.id());

        versions.restore(owner, 1);

        assertThat(versions.draft(owner.id())).isEqualTo(v1);
        ProviderConfig restoredMain = providers.provider(owner.id(), main.id());
        assertThat(restoredMain.defaultModel()).isEqualTo("gpt-4o-mini");
        assertThat(restoredMain.strongModel()).isEqualTo("gpt-4o");
        assertThat(restoredMain.supportsTools()).isTrue();
        assertThat(restoredMain.hasKey()).as("the key stays").isTrue();
        assertThat(providers.providers(owner.id())).extracting(p -> p.config().label())
                .containsExactly("Main", "Backup");

        providers.delete(owner, backup.id());
        AssistantVersion v4 = versions.restore(owner, 2);
        assertThat(v4.config()).isEqualTo(v2.config());
        assertThat(versions.draft(owner.id()).providers()).extracting(AssistantConfig.Provider::id)
                .containsExactly(main.id());
        assertThat(ConfigFields.changes(v4.config(), versions.draft(owner.id()))).extracting(FieldDiff::label)
                .contains("Failover order", "OpenAI-compatible endpoint (Backup): default model");
    }

    @Test
    void aPublishedVersionIsNeverChangedNorReplaced() {
        versions.liveVersion(owner.id());
        assertThatThrownBy(() -> dsl.update(VERSIONS)
                .set(VERSIONS.CONFIG, JSONB.valueOf("{\"changed\": true}"))
                .where(VERSIONS.TENANT_ID.eq(owner.id().value()), VERSIONS.NUMBER.eq(1))
                .execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("is published and cannot be changed");
        assertThatThrownBy(() -> dsl.update(VERSIONS)
                .set(VERSIONS.NUMBER, 5)
                .where(VERSIONS.TENANT_ID.eq(owner.id().value()), VERSIONS.NUMBER.eq(1))
                .execute())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> repository.insert(owner.id(), new VersionRepository.NewVersion(1,
                AssistantConfigTest.config(), new VersionRepository.Who(null, "test"), null, null)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(versions.get(owner.id(), 1).config()).isEqualTo(versions.draft(owner.id()));
    }

    @Test
    void onlyAdminsPublishRestoreAndChangeTheLiveVersion() {
        versions.liveVersion(owner.id());
        CurrentTenant agent = new CurrentTenant(owner.id(), owner.slug(), owner.name(), Role.AGENT,
                alice.user().id(), alice.user().email());
        chat.updateSettings(owner, "80", false, null);

        assertThatThrownBy(() -> versions.publish(agent, "x")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> versions.restore(agent, 1)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> versions.makeLive(agent, 1, null)).isInstanceOf(ForbiddenException.class);
        assertThat(versions.list(owner.id())).hasSize(1);
    }

    @Test
    void theFirstVersionIsMadeOnceWhenManyAskAtOnce() throws Exception {
        List<Integer> seen = runTogether(8, i -> versions.liveVersion(owner.id()));

        assertThat(seen).containsOnly(1);
        assertThat(count(VERSIONS, VERSIONS.TENANT_ID)).isEqualTo(1);
        assertThat(count(LIVE, LIVE.TENANT_ID)).isEqualTo(1);
        assertThat(count(LIVE_CHANGES, LIVE_CHANGES.TENANT_ID)).isEqualTo(1);
    }

    @Test
    void concurrentChangesOfTheLiveVersionHappenOneAfterTheOther() throws Exception {
        versions.liveVersion(owner.id());
        chat.updateSettings(owner, "60", false, null);
        versions.publish(owner, "v2");
        chat.updateSettings(owner, "40", false, null);
        versions.publish(owner, "v3");

        runTogether(12, i -> {
            versions.makeLive(owner.id(), 1 + i % 3, owner.actor(), "round " + i);
            return 0;
        });

        // every change starts from the version the previous one ended on, and the last one is in force
        List<LiveChange> history = versions.liveHistory(owner.id(), 100).reversed();
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).fromVersion()).as("change %d", i).isEqualTo(history.get(i - 1).toVersion());
            assertThat(history.get(i).toVersion()).isNotEqualTo(history.get(i).fromVersion());
        }
        assertThat(versions.liveVersion(owner.id())).isEqualTo(history.getLast().toVersion());
        assertThat(history.size()).isGreaterThan(2);
    }

    static Persona withFallback(Persona p, String fallback) {
        return new Persona(p.assistantName(), p.tone(), p.customInstructions(), p.greeting(), fallback, p.language());
    }

    interface Task {
        int run(int i) throws Exception;
    }

    static List<Integer> runTogether(int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                Callable<Integer> call = () -> {
                    start.await();
                    return task.run(n);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
