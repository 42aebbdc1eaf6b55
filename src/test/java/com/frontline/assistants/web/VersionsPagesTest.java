package com.frontline.assistants.web;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.assistants.AssistantVersions;
import com.frontline.chat.ChatService;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.Role;
import com.frontline.tenants.Persona;
import com.frontline.tenants.TeamService;
import com.frontline.tenants.TenantService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The versions pages through the real web stack: what they show, what they refuse and to whom. */
@IntegrationTest
class VersionsPagesTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired AssistantVersions versions;
    @Autowired ChatService chat;
    @Autowired TenantService tenants;
    @Autowired TeamService team;

    TestAccounts.Account alice;
    CurrentTenant owner;
    String base;

    @BeforeEach
    void workspace() throws Exception {
        alice = accounts.signedIn(mvc, "alice");
        owner = accounts.asMember(alice, accounts.workspace(alice, "Pages Co"));
        base = "/w/" + owner.slug() + "/versions";
        versions.liveVersion(owner.id()); // version 1 of the settings as created; the tests change the draft after
    }

    String page(String url) throws Exception {
        return mvc.perform(get(url).session(alice.session())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theListShowsVersionOneLiveAndThatTheDraftIsTheSame() throws Exception {
        // a workspace nobody asked about yet gets its version 1 when the page is first shown
        TestAccounts.Account carol = accounts.signedIn(mvc, "carol");
        CurrentTenant fresh = accounts.asMember(carol, accounts.workspace(carol, "Fresh Co"));
        assertThat(mvc.perform(get("/w/" + fresh.slug() + "/versions").session(carol.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("data-testid=\"live-badge\"", "Version 1");

        String html = page(base);

        assertThat(html).contains("Assistant versions", "data-testid=\"live-badge\"", "Version 1",
                "data-testid=\"draft-same\"", "The configuration in force when versions were introduced");
        assertThat(html).doesNotContain("data-testid=\"publish-form\"");
    }

    @Test
    void aChangedDraftShowsItsChangesAndPublishesWithANoteAndGoesLive() throws Exception {
        chat.updateSettings(owner, "70", false, null);

        String html = page(base);
        assertThat(html).contains("Your draft differs from the live version 1", "Confidence threshold", "50 %",
                "70 %", "Publish version 2", "data-testid=\"publish-form\"");

        mvc.perform(post(base).session(alice.session()).with(csrf()).param("note", "Stricter")
                        .param("live", "true"))
                .andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("notice",
                        "Published version 2 and made it live: website visitors get it now."));

        assertThat(versions.liveVersion(owner.id())).isEqualTo(2);
        assertThat(versions.get(owner.id(), 2).note()).isEqualTo("Stricter");
        assertThat(page(base)).contains("Stricter", "data-testid=\"draft-same\"");
    }

    @Test
    void publishingWithoutAChangeOrWithTooLongANoteSaysWhyNextToTheNote() throws Exception {
        mvc.perform(post(base).session(alice.session()).with(csrf()).param("note", "again"))
                .andExpect(status().is(422))
                .andExpect(view().name("assistants/versions"))
                .andExpect(content().string(containsString("Nothing changed since version 1.")))
                .andExpect(content().string(containsString("id=\"note-error\"")));

        chat.updateSettings(owner, "60", false, null);
        mvc.perform(post(base).session(alice.session()).with(csrf()).param("note", "x".repeat(501)))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("Keep it to 500 characters")));
        assertThat(versions.list(owner.id())).hasSize(1);
    }

    @Test
    void publishedWithoutGoingLiveTheDraftIsTheLatestVersionToMakeLive() throws Exception {
        chat.updateSettings(owner, "60", false, null);
        mvc.perform(post(base).session(alice.session()).with(csrf()).param("note", "Later"))
                .andExpect(flash().attribute("notice", "Published version 2. Website visitors keep getting "
                        + "version 1 until you make it live."));

        assertThat(page(base)).contains("data-testid=\"draft-is-latest\"", "Make version 2 live");

        mvc.perform(post(base + "/2/live").session(alice.session()).with(csrf()).param("reason", "Ready"))
                .andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("notice",
                        "Version 2 is live: website visitors get it from now on (it was version 1)."));
        assertThat(versions.liveHistory(owner.id(), 1).getFirst().reason()).isEqualTo("Ready");
    }

    @Test
    void aVersionsPageShowsItsConfigurationAndItsDifferencesFromLive() throws Exception {
        chat.updateSettings(owner, "80", false, null);
        versions.publish(owner, "Eighty");

        String html = page(base + "/2");

        assertThat(html).contains("Version 2", "Eighty", "Differences from the live version 1",
                "Confidence threshold", "80 %", "Assistant name", "Failover order",
                "None: the offline answerer answers", "Make version 2 live", "Compare with live");
        assertThat(page(base + "/1")).contains("data-testid=\"live-badge\"", "Restore as new version")
                .doesNotContain("data-testid=\"make-live-card\"");
    }

    @Test
    void theDiffComparesAnyTwoVersionsFieldByField() throws Exception {
        Persona p = tenants.persona(owner.id());
        tenants.updatePersona(owner, new Persona(p.assistantName(), p.tone(), p.customInstructions(), p.greeting(),
                "Let me get a colleague.", p.language()));
        versions.publish(owner, "Fallback");

        String all = page(base + "/diff?a=1&b=2");
        assertThat(all).contains("Version 1 and version 2", "1 setting changed from version 1 to version 2.",
                "Let me get a colleague.", "data-changed=\"true\"", "data-changed=\"false\"");

        String changedOnly = page(base + "/diff?a=1&b=2&changed=true");
        assertThat(changedOnly).contains("data-changed=\"true\"").doesNotContain("data-changed=\"false\"");

        // without a choice: the live version against the latest
        assertThat(page(base + "/diff")).contains("Version 1 and version 2");
    }

    @Test
    void theDiffRefusesTheSameVersionAndNonsenseAndAnswers404ForUnknownVersions() throws Exception {
        mvc.perform(get(base + "/diff").session(alice.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is only one version so far")));
        mvc.perform(get(base + "/diff?a=1&b=1").session(alice.session()))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("Choose two different versions to compare.")));
        mvc.perform(get(base + "/diff?a=one&b=1").session(alice.session()))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("Choose a version from the list.")));
        mvc.perform(get(base + "/diff?a=1&b=7").session(alice.session())).andExpect(status().isNotFound());
        mvc.perform(get(base + "/7").session(alice.session())).andExpect(status().isNotFound());
        mvc.perform(get(base + "/abc").session(alice.session())).andExpect(status().isNotFound());
    }

    @Test
    void restoringAsksFirstThenMakesANewVersionAndTheDraft() throws Exception {
        chat.updateSettings(owner, "75", false, null);
        versions.publish(owner, "Strict", true);

        String confirm = page(base + "/1/restore");
        assertThat(confirm).contains("Restore version 1 as version 3?", "What the draft becomes", "75 %", "50 %",
                "Restore as version 3");

        mvc.perform(post(base + "/1/restore").session(alice.session()).with(csrf()))
                .andExpect(redirectedUrl(base + "/3"))
                .andExpect(flash().attribute("notice", "Restored version 1 as version 3. Make it live when you are "
                        + "ready. The settings pages show it as the draft."));

        assertThat(versions.get(owner.id(), 3).restoredFrom()).isEqualTo(1);
        assertThat(chat.settings(owner.id()).confidenceThreshold()).isEqualTo(0.5);
        assertThat(versions.liveVersion(owner.id())).isEqualTo(2);
        // restoring the latest, or what the latest already is, is refused with the reason
        assertThat(page(base + "/3/restore")).contains("Version 3 is the latest version: there is nothing to restore.")
                .doesNotContain("data-testid=\"restore-form\"");
        mvc.perform(post(base + "/1/restore").session(alice.session()).with(csrf()))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("same configuration as the latest version, 3")));
    }

    @Test
    void aPublishedVersionCannotBeEdited() throws Exception {
        mvc.perform(post(base + "/1").session(alice.session()).with(csrf()).param("config", "{}"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("Version 1 is published and cannot be changed.")));
        mvc.perform(post(base + "/1").session(alice.session()).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().is(422))
                .andExpect(header().string("HX-Retarget", "#flash"));
    }

    @Test
    void anotherWorkspacesVersionsAreNotFound() throws Exception {
        TestAccounts.Account bob = accounts.signedIn(mvc, "bob");
        CurrentTenant other = accounts.asMember(bob, accounts.workspace(bob, "Other Co"));
        versions.liveVersion(other.id());
        chat.updateSettings(other, "90", false, null);
        versions.publish(other, "Bob's second"); // Bob has a version 2, Alice has not
        String theirs = "/w/" + other.slug() + "/versions";

        // a stranger to the workspace: every route is 404
        mvc.perform(get(theirs).session(alice.session())).andExpect(status().isNotFound());
        mvc.perform(get(theirs + "/2").session(alice.session())).andExpect(status().isNotFound());
        mvc.perform(post(theirs + "/2/live").session(alice.session()).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(theirs + "/1/restore").session(alice.session()).with(csrf()))
                .andExpect(status().isNotFound());
        // Bob's version number in Alice's own workspace names nothing
        mvc.perform(get(base + "/2").session(alice.session())).andExpect(status().isNotFound());
        mvc.perform(post(base + "/2/live").session(alice.session()).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get(base + "/diff?a=1&b=2").session(alice.session())).andExpect(status().isNotFound());
        assertThat(versions.liveVersion(owner.id())).isEqualTo(1);
        assertThat(versions.liveVersion(other.id())).isEqualTo(1);
        assertThat(page(base)).doesNotContain("Bob's second");
    }

    @Test
    void onlyAdminsAndUpSeeTheVersionsAndTheSidebarEntry() throws Exception {
        var agent = accounts.user("agent");
        var created = team.invite(owner, agent.email(), Role.AGENT, "http://x");
        team.accept(created.link().substring(created.link().lastIndexOf('/') + 1),
                new Actor(agent.id(), agent.email()));
        MockHttpSession session = accounts.login(mvc, agent.email());

        mvc.perform(get(base).session(session)).andExpect(status().isForbidden());
        mvc.perform(post(base).session(session).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/w/" + owner.slug() + "/playground").session(session))
                .andExpect(content().string(not(containsString("data-testid=\"nav-versions\""))))
                .andExpect(content().string(containsString("Playground uses your unpublished draft")));
        assertThat(page("/w/" + owner.slug() + "/playground")).contains("data-testid=\"nav-versions\"",
                "data-testid=\"draft-notice-link\"");
        // the settings pages say what of them goes into the draft and what applies at once
        assertThat(page("/w/" + owner.slug() + "/settings/providers")).contains("data-testid=\"draft-hint\"",
                "API keys, addresses, timeouts, the budget and prices apply to every version at once");
        assertThat(page("/w/" + owner.slug() + "/settings/persona")).contains("Changes here go into your");
        assertThat(page("/w/" + owner.slug() + "/settings/team")).doesNotContain("data-testid=\"draft-hint\"");
    }

    @Test
    void theWidgetGreetsWithTheLiveVersionsPersonaNotTheDraft() throws Exception {
        tenants.updateOrigins(owner, "https://shop.example");
        Persona live = tenants.persona(owner.id());
        versions.liveVersion(owner.id());
        tenants.updatePersona(owner, new Persona("Draft Name", live.tone(), null, "Draft greeting!",
                live.fallbackMessage(), live.language()));
        String key = tenants.widget(owner.id()).publicKey();

        mvc.perform(get("/widget/config").param("key", key).header("Origin", "https://shop.example"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"assistantName\":\"" + live.assistantName() + "\"")));
        String frame = mvc.perform(get("/widget/frame").param("key", key)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(frame).contains(live.assistantName()).doesNotContain("Draft greeting!", "Draft Name");
    }
}
