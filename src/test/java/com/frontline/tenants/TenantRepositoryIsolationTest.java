package com.frontline.tenants;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.shared.Role;
import com.frontline.shared.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two workspaces side by side: no repository method of one ever reads or changes the other's rows. */
@IntegrationTest
class TenantRepositoryIsolationTest {

    @Autowired TenantRepository tenants;
    @Autowired MembershipRepository memberships;
    @Autowired InvitationRepository invitations;
    @Autowired TestAccounts accounts;

    TenantId a;
    TenantId b;
    UUID userA;
    UUID userB;

    @BeforeEach
    void twoWorkspaces() {
        a = TenantId.of(UUID.randomUUID());
        b = TenantId.of(UUID.randomUUID());
        tenants.insert(a, TestAccounts.unique("a"), "A Corp", "Other");
        tenants.insert(b, TestAccounts.unique("b"), "B Corp", "Other");
        for (TenantId t : List.of(a, b)) {
            tenants.upsertPersona(t, Persona.defaultsFor(t == a ? "A Corp" : "B Corp"));
            tenants.insertBranding(t, "#111111", WidgetPosition.BOTTOM_RIGHT);
            tenants.upsertWidgetKey(t, TenantService.newWidgetKey());
        }
        userA = accounts.user("alice").id();
        userB = accounts.user("bob").id();
        memberships.insert(a, userA, Role.OWNER);
        memberships.insert(b, userB, Role.OWNER);
    }

    @Test
    void settingsWrittenForOneWorkspaceStayInIt() {
        tenants.upsertPersona(a, new Persona("Alpha", Tone.FORMAL, null, "Hello", "Sorry", "de"));
        tenants.updateBranding(a, "#ff0000", WidgetPosition.BOTTOM_LEFT);
        tenants.updateLogo(a, new byte[]{1, 2, 3}, "image/png", "a".repeat(64));
        tenants.replaceOrigins(a, List.of("https://a.example"));
        tenants.replaceOrigins(b, List.of("https://b.example"));

        assertThat(tenants.persona(b).assistantName()).isEqualTo("B Corp Assistant");
        assertThat(tenants.branding(b).primaryColor()).isEqualTo("#111111");
        assertThat(tenants.logo(b)).isEmpty();
        assertThat(tenants.logo(a)).isPresent();
        assertThat(tenants.origins(a)).containsExactly("https://a.example");
        assertThat(tenants.origins(b)).containsExactly("https://b.example");
        assertThat(tenants.widgetKey(a)).isNotEqualTo(tenants.widgetKey(b));
    }

    @Test
    void membershipIsCheckedPerWorkspace() {
        String slugA = tenants.find(a).orElseThrow().slug();
        assertThat(tenants.findMembership(userA, slugA)).isPresent();
        assertThat(tenants.findMembership(userB, slugA)).isEmpty();
        assertThat(memberships.memberships(a)).extracting(MembershipRepository.Membership::userId).containsExactly(userA);
        assertThat(tenants.workspacesOf(userB)).extracting(WorkspaceSummary::name).containsExactly("B Corp");

        memberships.updateRole(b, userA, Role.VIEWER);   // userA is no member of b: nothing changes
        memberships.delete(b, userA);
        assertThat(memberships.find(a, userA)).map(MembershipRepository.Membership::role).contains(Role.OWNER);
        assertThat(memberships.lockOwners(a)).isEqualTo(1);
    }

    @Test
    void invitationsOfOneWorkspaceCannotBeSeenOrChangedThroughAnother() {
        UUID id = UUID.randomUUID();
        invitations.insert(a, id, "carol@example.com", Role.AGENT, "hash-" + id, userA,
                OffsetDateTime.now().plusDays(1));

        assertThat(invitations.find(b, id)).isEmpty();
        assertThat(invitations.recent(b, 10)).isEmpty();
        assertThat(invitations.pendingExists(b, "carol@example.com")).isFalse();
        assertThat(invitations.revoke(b, id)).isFalse();
        assertThat(invitations.markAccepted(b, id, userB)).isFalse();
        assertThat(invitations.find(a, id)).map(i -> i.status()).contains(Invitation.Status.PENDING);
        assertThat(invitations.findByTokenHash("hash-" + id)).map(InvitationRepository.TokenMatch::tenant).contains(a);
    }
}
