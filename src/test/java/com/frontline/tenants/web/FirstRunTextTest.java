package com.frontline.tenants.web;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.Role;
import com.frontline.tenants.InvitationCreated;
import com.frontline.tenants.TeamService;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.WidgetPosition;
import com.frontline.tenants.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What a newcomer reads on the overview and the setup screens: true, current and properly worded. */
@IntegrationTest
class FirstRunTextTest {

    static final byte[] LOGO = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\"><rect width=\"8\" height=\"8\"/></svg>"
            .getBytes(StandardCharsets.UTF_8);

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired TenantService tenants;
    @Autowired TeamService team;

    @Test
    void theOverviewCountsTheWizardsFiveStepsAndTicksAPersonaSavedWithItsDefaults() throws Exception {
        var owner = accounts.signedIn(mvc, "owner");
        Workspace w = accounts.workspace(owner, "Plain Defaults");
        String overview = "/w/" + w.slug();
        mvc.perform(get(overview).session(owner.session())).andExpect(status().isOk())
                .andExpect(content().string(containsString("1 of 5 done")))
                .andExpect(content().string(containsString("1 member, 0 pending invitations")))
                .andExpect(content().string(not(containsString("(s)"))))
                .andExpect(content().string(not(containsString("Coming next"))));

        // "Save and continue" with the persona exactly as suggested
        var persona = tenants.persona(w.id());
        mvc.perform(post(overview + "/setup/persona").session(owner.session()).with(csrf())
                        .param("assistantName", persona.assistantName()).param("tone", persona.tone().name())
                        .param("greeting", persona.greeting()).param("fallbackMessage", persona.fallbackMessage())
                        .param("language", persona.language()))
                .andExpect(redirectedUrl(overview + "/setup/branding"));
        assertThat(tenants.persona(w.id())).isEqualTo(persona);
        mvc.perform(post(overview + "/setup/widget").session(owner.session()).with(csrf())
                        .param("origins", "https://www.defaults.example\nhttps://shop.defaults.example"))
                .andExpect(redirectedUrl(overview + "/setup/team"));
        mvc.perform(get(overview).session(owner.session()))
                .andExpect(content().string(containsString("3 of 5 done")))
                .andExpect(content().string(containsString("2 allowed websites")));
    }

    @Test
    void uploadingALogoKeepsTheUnsavedColourAndPositionOnThePage() throws Exception {
        var owner = accounts.signedIn(mvc, "owner");
        Workspace w = accounts.workspace(owner, "Logo Later");
        String branding = "/w/" + w.slug() + "/settings/branding";
        String savedColour = tenants.branding(w.id()).primaryColor();

        MvcResult upload = mvc.perform(multipart(branding + "/logo")
                        .file(new MockMultipartFile("logo", "logo.svg", "image/svg+xml", LOGO))
                        .param("primaryColor", "#be123c").param("widgetPosition", "BOTTOM_LEFT")
                        .session(owner.session()).with(csrf()))
                .andExpect(redirectedUrl(branding))
                .andExpect(flash().attribute("notice", containsString("not saved yet")))
                .andReturn();
        assertThat(tenants.branding(w.id()).hasLogo()).isTrue();
        // nothing but the logo was saved ...
        assertThat(tenants.branding(w.id()).primaryColor()).isEqualTo(savedColour);
        assertThat(tenants.branding(w.id()).widgetPosition()).isEqualTo(WidgetPosition.BOTTOM_RIGHT);
        // ... and the page shows the admin's changes again, ready to save
        mvc.perform(get(branding).session(owner.session()).flashAttrs(upload.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"#be123c\"")))
                .andExpect(content().string(containsString("value=\"BOTTOM_LEFT\" checked")));

        // removing the logo keeps them too; without carried values (no script) the saved ones show
        MvcResult removal = mvc.perform(post(branding + "/logo/remove").param("primaryColor", "#1d4ed8")
                        .param("widgetPosition", "BOTTOM_RIGHT").session(owner.session()).with(csrf()))
                .andExpect(redirectedUrl(branding)).andReturn();
        mvc.perform(get(branding).session(owner.session()).flashAttrs(removal.getFlashMap()))
                .andExpect(content().string(containsString("value=\"#1d4ed8\"")));
        mvc.perform(multipart(branding + "/logo").file(new MockMultipartFile("logo", "logo.svg", "image/svg+xml", LOGO))
                        .session(owner.session()).with(csrf()))
                .andExpect(redirectedUrl(branding)).andExpect(flash().attribute("notice", "Logo uploaded."));
    }

    @Test
    void signingUpFromAnInvitationFillsInAndKeepsTheInvitedAddress() throws Exception {
        var owner = accounts.signedIn(mvc, "owner");
        Workspace w = accounts.workspace(owner, "Invite Co");
        CurrentTenant admin = accounts.asMember(owner, w);
        String invitee = TestAccounts.unique("ines") + "@invite.example";
        InvitationCreated created = team.invite(admin, invitee, Role.AGENT, "http://localhost");
        String token = created.link().substring(created.link().lastIndexOf('/') + 1);

        mvc.perform(get("/invites/" + token)).andExpect(content().string(containsString("/signup?invite=" + token)));
        mvc.perform(get("/signup").param("invite", token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + invitee + "\"")))
                .andExpect(content().string(containsString("readonly")));
        // a changed address in the posted form does not create an account the invitation cannot be accepted with
        MvcResult signUp = mvc.perform(post("/signup").with(csrf()).param("invite", token)
                        .param("email", "someone-else@invite.example").param("displayName", "Ines")
                        .param("password", TestAccounts.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn();
        MockHttpSession session = (MockHttpSession) signUp.getRequest().getSession(false);
        mvc.perform(post("/invites/" + token).session(session).with(csrf()))
                .andExpect(redirectedUrl("/w/" + w.slug()));

        // an unknown or used token pre-fills nothing
        mvc.perform(get("/signup").param("invite", token))
                .andExpect(content().string(not(containsString("readonly"))));
        mvc.perform(get("/signup").param("invite", "not-a-token"))
                .andExpect(content().string(not(containsString("readonly"))));
    }
}
