package com.frontline.tenants.web;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.audit.AuditEntry;
import com.frontline.audit.AuditLog;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The onboarding wizard through the web layer, including every kind of bad input the issue lists. */
@IntegrationTest
class OnboardingFlowTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired TenantService tenants;
    @Autowired AuditLog audit;
    @Autowired com.frontline.identity.UserService users;

    @Test
    void aNewUserSignsUpAndWalksThroughAllFiveSteps() throws Exception {
        String email = TestAccounts.unique("new") + "@example.com";
        var signUp = mvc.perform(post("/signup").with(csrf()).param("email", email).param("displayName", "Nia New")
                        .param("password", TestAccounts.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn();
        MockHttpSession session = (MockHttpSession) signUp.getRequest().getSession(false);
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/onboarding"));

        String slug = TestAccounts.unique("nia");
        mvc.perform(post("/onboarding").session(session).with(csrf())
                        .param("name", "Nia's Shop").param("slug", slug).param("sector", "E-commerce & retail"))
                .andExpect(redirectedUrl("/w/" + slug + "/setup/persona"));
        mvc.perform(post("/w/" + slug + "/setup/persona").session(session).with(csrf())
                        .param("assistantName", "Nora").param("tone", "FORMAL").param("greeting", "Good day.")
                        .param("fallbackMessage", "I do not know that.").param("language", "en"))
                .andExpect(redirectedUrl("/w/" + slug + "/setup/branding"));
        mvc.perform(post("/w/" + slug + "/setup/branding").session(session).with(csrf())
                        .param("primaryColor", "#0A7").param("widgetPosition", "BOTTOM_LEFT"))
                .andExpect(redirectedUrl("/w/" + slug + "/setup/widget"));
        mvc.perform(post("/w/" + slug + "/setup/widget").session(session).with(csrf())
                        .param("origins", "https://www.nia.example\nhttps://*.nia.example"))
                .andExpect(redirectedUrl("/w/" + slug + "/setup/team"));
        mvc.perform(get("/w/" + slug + "/setup/widget").session(session))
                .andExpect(content().string(containsString("/widget.js")))
                .andExpect(content().string(containsString("data-key=&quot;pk_")));
        mvc.perform(post("/w/" + slug + "/setup/team/invite").session(session).with(csrf())
                        .param("email", "teammate@nia.example").param("role", "AGENT"))
                .andExpect(redirectedUrl("/w/" + slug + "/setup/team"));
        mvc.perform(post("/w/" + slug + "/setup/finish").session(session).with(csrf()))
                .andExpect(redirectedUrl("/w/" + slug));
        mvc.perform(get("/w/" + slug).session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Nia&#39;s Shop")));

        var user = users.findByEmail(email).orElseThrow();
        var workspace = tenants.resolve(user.id(), email, slug).orElseThrow();
        assertThat(workspace.role()).isEqualTo(com.frontline.shared.Role.OWNER);
        assertThat(tenants.persona(workspace.id()).assistantName()).isEqualTo("Nora");
        assertThat(tenants.branding(workspace.id()).primaryColor()).isEqualTo("#00aa77");
        assertThat(tenants.widget(workspace.id()).allowedOrigins())
                .containsExactlyInAnyOrder("https://www.nia.example", "https://*.nia.example");
        assertThat(tenants.workspace(workspace.id()).onboardingComplete()).isTrue();
    }

    @Test
    void weakPasswordsAndTakenAddressesAreRefusedInline() throws Exception {
        mvc.perform(post("/signup").with(csrf()).param("email", "x@example.com").param("displayName", "X")
                        .param("password", "password123"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("too common")));
        var existing = accounts.user("dup");
        mvc.perform(post("/signup").with(csrf()).param("email", existing.email().toUpperCase())
                        .param("displayName", "X").param("password", TestAccounts.PASSWORD))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("already exists")));
    }

    @Test
    void aDuplicateSlugIsRefusedAndNothingIsCreated() throws Exception {
        var owner = accounts.signedIn(mvc, "owner");
        Workspace first = accounts.workspace(owner, "First");
        var other = accounts.signedIn(mvc, "other");
        mvc.perform(post("/onboarding").session(other.session()).with(csrf())
                        .param("name", "Second").param("slug", first.slug()).param("sector", "Other"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("is taken")));
        assertThat(tenants.workspacesOf(other.user().id())).isEmpty();
        mvc.perform(get("/onboarding/slug-check").header("HX-Request", "true").session(other.session()).param("slug", first.slug()))
                .andExpect(content().string(containsString("Taken")));
    }

    @Test
    void badColoursOriginsAndLogosGetClearMessages() throws Exception {
        var owner = accounts.signedIn(mvc, "owner");
        Workspace w = accounts.workspace(owner, "Acme Test");
        String base = "/w/" + w.slug() + "/settings";

        mvc.perform(post(base + "/branding").session(owner.session()).with(csrf())
                        .param("primaryColor", "blue-ish").param("widgetPosition", "BOTTOM_RIGHT"))
                .andExpect(status().is(422)).andExpect(content().string(containsString("hex code")));
        mvc.perform(post(base + "/widget").session(owner.session()).with(csrf())
                        .param("origins", "https://ok.example\nnot a url"))
                .andExpect(status().is(422)).andExpect(content().string(containsString("Line 2")));
        assertThat(tenants.widget(w.id()).allowedOrigins()).isEmpty();

        byte[] big = new byte[1024 * 1024 + 10];
        mvc.perform(multipart(base + "/branding/logo").file(new MockMultipartFile("logo", "big.png", "image/png", big))
                        .session(owner.session()).with(csrf()))
                .andExpect(status().is(422)).andExpect(content().string(containsString("1,024 KB")));
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart(base + "/branding/logo").file(new MockMultipartFile("logo", "x.svg", "image/svg+xml", svg))
                        .session(owner.session()).with(csrf()))
                .andExpect(status().is(422)).andExpect(content().string(containsString("script")));
        mvc.perform(multipart(base + "/branding/logo")
                        .file(new MockMultipartFile("logo", "x.png", "image/png", "<html>hi</html>".getBytes()))
                        .session(owner.session()).with(csrf()))
                .andExpect(status().is(422)).andExpect(content().string(containsString("PNG, JPEG or SVG")));
        assertThat(tenants.branding(w.id()).hasLogo()).isFalse();

        mvc.perform(multipart(base + "/branding/logo").file(new MockMultipartFile("logo", "ok.png", "image/png", png()))
                        .session(owner.session()).with(csrf()))
                .andExpect(redirectedUrl(base + "/branding"));
        assertThat(tenants.branding(w.id()).hasLogo()).isTrue();
        mvc.perform(get("/w/" + w.slug() + "/logo").session(owner.session()))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getHeader("Content-Security-Policy"))
                        .contains("sandbox"));
        assertThat(audit.recent(w.id(), null, "branding.")).extracting(AuditEntry::action)
                .containsExactly("branding.logo_uploaded");
    }

    @Test
    void personaNeedsInstructionsForACustomTone() throws Exception {
        var owner = accounts.signedIn(mvc, "owner");
        Workspace w = accounts.workspace(owner, "Tone Co");
        mvc.perform(post("/w/" + w.slug() + "/settings/persona").session(owner.session()).with(csrf())
                        .param("assistantName", "Tom").param("tone", "CUSTOM").param("customInstructions", " ")
                        .param("greeting", "Hi").param("fallbackMessage", "Dunno").param("language", "en"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("Describe how the assistant should write")));
    }

    @Test
    void theStepperShowsInTheWizardButNotOnSettingsPages() throws Exception {
        var owner = accounts.signedIn(mvc, "owner");
        Workspace w = accounts.workspace(owner, "Stepper Co");
        for (String screen : new String[]{"persona", "branding", "widget", "team"}) {
            mvc.perform(get("/w/" + w.slug() + "/setup/" + screen).session(owner.session()))
                    .andExpect(content().string(containsString("class=\"stepper\"")));
            mvc.perform(get("/w/" + w.slug() + "/settings/" + screen).session(owner.session()))
                    .andExpect(content().string(org.hamcrest.Matchers.not(containsString("class=\"stepper\""))));
        }
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
