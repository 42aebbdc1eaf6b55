package com.frontline.audit;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.shared.Actor;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AuditRepositoryIsolationTest {

    @Autowired AuditLog audit;
    @Autowired TenantService tenants;
    @Autowired TestAccounts accounts;

    @Test
    void eachWorkspaceSeesOnlyItsOwnEntries() {
        var alice = accounts.user("alice");
        var bob = accounts.user("bob");
        Workspace a = tenants.createWorkspace(new Actor(alice.id(), alice.email()), "A Corp", TestAccounts.unique("a"),
                "Other");
        Workspace b = tenants.createWorkspace(new Actor(bob.id(), bob.email()), "B Corp", TestAccounts.unique("b"),
                "Other");

        assertThat(audit.recent(a.id(), null, null)).extracting(AuditEntry::actorEmail).containsOnly(alice.email());
        assertThat(audit.recent(b.id(), null, null)).extracting(AuditEntry::actorEmail).containsOnly(bob.email());
        assertThat(audit.recent(a.id(), null, "workspace.")).extracting(AuditEntry::action)
                .containsExactly("workspace.created");
    }
}
