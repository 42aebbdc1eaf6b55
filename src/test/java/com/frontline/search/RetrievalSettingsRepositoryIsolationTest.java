package com.frontline.search;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.audit.AuditEntry;
import com.frontline.audit.AuditLog;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.TenantId;
import com.frontline.tenants.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two workspaces' retrieval settings side by side: neither reads, overwrites or deletes the other's. */
@IntegrationTest
class RetrievalSettingsRepositoryIsolationTest {

    @Autowired RetrievalSettingsRepository repository;
    @Autowired KnowledgeSearch search;
    @Autowired AuditLog audit;
    @Autowired TestAccounts accounts;
    @Autowired MockMvc mvc;

    TestAccounts.Account alice;
    Workspace wa;
    TenantId a;
    TenantId b;

    @BeforeEach
    void twoWorkspaces() throws Exception {
        alice = accounts.signedIn(mvc, "alice");
        wa = accounts.workspace(alice, "A Corp");
        a = wa.id();
        b = accounts.workspace(accounts.signedIn(mvc, "bob"), "B Corp").id();
    }

    @Test
    void eachWorkspaceSeesOnlyItsOwnSettings() {
        RetrievalSettings forA = new RetrievalSettings(Fusion.RRF, 0.7, 8, 100, 0.2);
        RetrievalSettings forB = new RetrievalSettings(Fusion.WEIGHTED, 0.1, 3, 20, 0.05);

        repository.upsert(a, forA, UUID.randomUUID());
        assertThat(repository.find(a)).contains(forA);
        assertThat(repository.find(b)).isEmpty();

        repository.upsert(b, forB, null);
        assertThat(repository.find(a)).contains(forA);
        assertThat(repository.find(b)).contains(forB);

        assertThat(repository.delete(b)).isTrue();
        assertThat(repository.delete(b)).isFalse();
        assertThat(repository.find(a)).contains(forA);
        assertThat(repository.find(b)).isEmpty();
    }

    @Test
    void upsertReplacesTheWorkspacesSettings() {
        repository.upsert(a, new RetrievalSettings(Fusion.RRF, 0.7, 8, 100, 0.2), null);
        RetrievalSettings changed = new RetrievalSettings(Fusion.WEIGHTED, 0.25, 6, 60, 0);

        repository.upsert(a, changed, null);

        assertThat(repository.find(a)).contains(changed);
    }

    @Test
    void aWorkspaceWithoutSettingsUsesTheDefaultsAndChangesAreAudited() {
        CurrentTenant admin = accounts.asMember(alice, wa);
        assertThat(search.settings(a)).isEqualTo(RetrievalSettings.defaults());
        assertThat(search.usesDefaults(a)).isTrue();

        RetrievalSettings changed = new RetrievalSettings(Fusion.RRF, 0.5, 4, 40, 0.1);
        search.saveSettings(admin, changed);
        assertThat(search.settings(a)).isEqualTo(changed);
        assertThat(search.usesDefaults(a)).isFalse();
        assertThat(search.settings(b)).isEqualTo(RetrievalSettings.defaults());

        search.resetSettings(admin);
        assertThat(search.settings(a)).isEqualTo(RetrievalSettings.defaults());
        search.resetSettings(admin); // nothing to reset: not audited again

        List<AuditEntry> entries = audit.recent(a, null, "search.");
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("search.settings_reset", "search.settings_updated");
        JsonNode after = JsonMapper.builder().build().readTree(entries.get(1).after());
        assertThat(after.get("fusion").asString()).isEqualTo("RRF");
        assertThat(after.get("topK").asInt()).isEqualTo(4);
        assertThat(entries.get(1).actorEmail()).isEqualTo(alice.user().email());
        assertThat(audit.recent(b, null, "search.")).isEmpty();
    }
}
