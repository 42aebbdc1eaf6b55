package com.frontline.tenants;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.platform.http.LogCapture;
import com.frontline.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** An invitation link grants access to a workspace: it is shown to the admin, never written to the logs. */
@IntegrationTest
class InvitationSecretsInLogsTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired TeamService team;

    @Test
    void theInviteLinkIsNeverLoggedOnlyThatOneWasMade() throws Exception {
        var owner = accounts.signedIn(mvc, "logs");
        var workspace = accounts.workspace(owner, "Log Shop");
        var invitee = accounts.signedIn(mvc, "invitee");
        try (LogCapture logs = new LogCapture()) {
            InvitationCreated created = team.invite(accounts.asMember(owner, workspace), invitee.user().email(),
                    Role.AGENT, "http://localhost");
            String token = created.link().substring(created.link().lastIndexOf('/') + 1);
            // opening and accepting the link are not logged with it either
            mvc.perform(get("/invites/" + token).session(invitee.session()));
            mvc.perform(post("/invites/" + token).session(invitee.session()).with(csrf()));
            assertThat(logs.text()).doesNotContain(token).doesNotContain(created.link())
                    .contains("invitation " + created.invitation().id());
        }
    }
}
