package com.frontline.tenants;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.ForbiddenException;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.Role;
import com.frontline.shared.UserFacingException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.OffsetDateTime;

import static com.frontline.db.tenants.Tables.INVITATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class TeamRulesTest {

    @Autowired TeamService team;
    @Autowired TenantService tenants;
    @Autowired TestAccounts accounts;
    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;

    TestAccounts.Account owner;
    Workspace workspace;
    CurrentTenant asOwner;

    @BeforeEach
    void workspaceWithOwner() throws Exception {
        owner = accounts.signedIn(mvc, "owner");
        workspace = accounts.workspace(owner, "Team Co");
        asOwner = accounts.asMember(owner, workspace);
    }

    private String token(InvitationCreated created) {
        return created.link().substring(created.link().lastIndexOf('/') + 1);
    }

    @Test
    void anInvitationWorksOnceForTheInvitedAddressOnly() {
        var invitee = accounts.user("ivy");
        var stranger = accounts.user("sam");
        InvitationCreated created = team.invite(asOwner, invitee.email(), Role.AGENT, "http://localhost");
        assertThat(created.link()).startsWith("http://localhost/invites/");

        assertThatThrownBy(() -> team.accept(token(created), new Actor(stranger.id(), stranger.email())))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("is for " + invitee.email());
        assertThat(team.accept(token(created), new Actor(invitee.id(), invitee.email()))).isEqualTo(workspace.slug());
        assertThat(team.members(workspace.id())).extracting(Member::email).contains(invitee.email());
        assertThatThrownBy(() -> team.accept(token(created), new Actor(invitee.id(), invitee.email())))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("already been used");
    }

    @Test
    void expiredAndRevokedInvitationsAreRefused() {
        var late = accounts.user("late");
        InvitationCreated expired = team.invite(asOwner, late.email(), Role.VIEWER, "http://x");
        dsl.update(INVITATIONS).set(INVITATIONS.EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .where(INVITATIONS.ID.eq(expired.invitation().id())).execute();
        assertThatThrownBy(() -> team.accept(token(expired), new Actor(late.id(), late.email())))
                .hasMessageContaining("expired");

        var other = accounts.user("rev");
        InvitationCreated revoked = team.invite(asOwner, other.email(), Role.VIEWER, "http://x");
        team.revoke(asOwner, revoked.invitation().id());
        assertThatThrownBy(() -> team.accept(token(revoked), new Actor(other.id(), other.email())))
                .hasMessageContaining("revoked");
        assertThat(team.members(workspace.id())).hasSize(1);
    }

    @Test
    void theLastOwnerCanNeitherLeaveNorBeDemoted() {
        assertThatThrownBy(() -> team.remove(asOwner, owner.user().id()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("at least one owner");
        assertThatThrownBy(() -> team.changeRole(asOwner, owner.user().id(), Role.ADMIN))
                .hasMessageContaining("at least one owner");
        assertThat(team.members(workspace.id())).extracting(Member::role).containsExactly(Role.OWNER);
    }

    @Test
    void adminsCannotTouchOwnersAndDuplicatesAreRefused() {
        var admin = accounts.user("adam");
        InvitationCreated created = team.invite(asOwner, admin.email(), Role.ADMIN, "http://x");
        team.accept(token(created), new Actor(admin.id(), admin.email()));
        CurrentTenant asAdmin = tenants.resolve(admin.id(), admin.email(), workspace.slug()).orElseThrow();

        assertThatThrownBy(() -> team.invite(asAdmin, "boss@example.com", Role.OWNER, "http://x"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> team.remove(asAdmin, owner.user().id())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> team.invite(asAdmin, owner.user().email(), Role.AGENT, "http://x"))
                .isInstanceOf(InvalidInputException.class);
        team.invite(asAdmin, "pat@example.com", Role.AGENT, "http://x");
        assertThatThrownBy(() -> team.invite(asAdmin, "PAT@example.com", Role.AGENT, "http://x"))
                .isInstanceOf(InvalidInputException.class);
    }
}
