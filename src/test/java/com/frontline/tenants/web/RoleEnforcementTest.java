package com.frontline.tenants.web;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.shared.Actor;
import com.frontline.shared.Role;
import com.frontline.tenants.TeamService;
import com.frontline.tenants.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class RoleEnforcementTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired TeamService team;

    private MockHttpSession member(Workspace workspace, TestAccounts.Account owner, Role role) throws Exception {
        var user = accounts.user(role.name().toLowerCase());
        var created = team.invite(accounts.asMember(owner, workspace), user.email(), role, "http://x");
        team.accept(created.link().substring(created.link().lastIndexOf('/') + 1), new Actor(user.id(), user.email()));
        return accounts.login(mvc, user.email());
    }

    @Test
    void aViewerSeesTheOverviewButCannotChangeSettings() throws Exception {
        var owner = accounts.signedIn(mvc, "owner");
        Workspace w = accounts.workspace(owner, "Roles Co");
        MockHttpSession viewer = member(w, owner, Role.VIEWER);

        mvc.perform(get("/w/" + w.slug()).session(viewer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Roles Co")));
        mvc.perform(get("/w/" + w.slug() + "/settings/persona").session(viewer)).andExpect(status().isForbidden());
        mvc.perform(post("/w/" + w.slug() + "/settings/branding").session(viewer).with(csrf())
                        .param("primaryColor", "#000000").param("widgetPosition", "BOTTOM_LEFT"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Admin role")));
    }

    @Test
    void anAgentCannotInvite() throws Exception {
        var owner = accounts.signedIn(mvc, "owner");
        Workspace w = accounts.workspace(owner, "Agents Co");
        MockHttpSession agent = member(w, owner, Role.AGENT);

        mvc.perform(post("/w/" + w.slug() + "/settings/team/invite").session(agent).with(csrf())
                        .param("email", "x@example.com").param("role", "AGENT"))
                .andExpect(status().isForbidden());
        // htmx requests get the message in the page's alert area instead of an error page
        mvc.perform(post("/w/" + w.slug() + "/settings/team/invite").session(agent).with(csrf())
                        .header("HX-Request", "true").param("email", "x@example.com").param("role", "AGENT"))
                .andExpect(status().isForbidden())
                .andExpect(header().string("HX-Retarget", "#flash"));
    }
}
